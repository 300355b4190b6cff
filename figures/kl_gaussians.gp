# kl_gaussians.gp -- written by kl_gaussians; render with `gnuplot kl_gaussians.gp` in this folder.
if (!exists("datafile")) datafile = 'kl_gaussians.dat'
if (!exists("outfile")) outfile = 'kl_gaussians.svg'
fig_w = 1280
fig_h = 600
# The one visual style of every figure (embedded into each figures/*.gp).
# fig_w and fig_h (pixels) are set by the script before this style.
# Okabe-Ito colours (safe for colour-blind readers), one font, light grid.
set terminal svg size fig_w,fig_h enhanced font 'DejaVu Sans,14' linewidth 1.4 background rgb 'white'
set encoding utf8
set border 3 lw 1 lc rgb '#404040'
set tics nomirror out scale 0.7
set grid lc rgb '#e0e0e0' lw 1 dt 1
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set style fill transparent solid 0.22 noborder
set style line 1 lc rgb '#0072B2' lw 2.2 pt 7 ps 0.7
set style line 2 lc rgb '#D55E00' lw 2.2 pt 5 ps 0.7
set style line 3 lc rgb '#009E73' lw 2.2 pt 9 ps 0.8
set style line 4 lc rgb '#CC79A7' lw 2.2 pt 11 ps 0.8
set style line 5 lc rgb '#E69F00' lw 2.2 pt 13 ps 0.8
set style line 6 lc rgb '#56B4E9' lw 2.2 pt 3 ps 0.8
set style line 7 lc rgb '#000000' lw 1.6 dt 2
set style line 8 lc rgb '#999999' lw 1.2 dt 3
set output outfile
kl_closed = 3.593922049
zc = 5.3267
set multiplot layout 1,2 title 'KL divergence between Gaussians: closed form, Monte Carlo and the seeds'
set title 'Monte Carlo converges on the closed form (d = 5)'
set logscale x
set format x '10^{%L}'
set xlabel 'number of draws n'
set ylabel 'KL(p || q)'
set key top right
plot datafile index 0 using 1:($2 - zc*$3):($2 + zc*$3) with filledcurves ls 1 title 'MC ± z·SE', \
     '' index 0 using 1:2 with linespoints ls 1 title 'MC estimate', \
     kl_closed with lines ls 7 title 'closed form'
set title 'Seed lines divided by the true KL (random points)'
set xlabel 'true KL(p || q)'
set ylabel 'seed line / true KL'
set yrange [-1.5:5]
set key top right
plot 1 with lines ls 7 title 'correct (ratio 1)', \
     datafile index 1 using 2:($3/$2) with points ls 1 title '000 P6.1 final', \
     '' index 1 using 2:($4/$2) with points ls 2 title '004 (1.8)', \
     '' index 1 using 5:($6/$5) with points ls 3 title '002 item ② (vs KL(q||r))'
unset multiplot
unset output
