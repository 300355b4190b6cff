# wake_sleep.gp -- written by wake_sleep; render with `gnuplot wake_sleep.gp` in this folder.
if (!exists("datafile")) datafile = 'wake_sleep.dat'
if (!exists("outfile")) outfile = 'wake_sleep.svg'
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
mle = -2.8911601
set multiplot layout 1,2 title 'Wake-sleep on a linear-Gaussian model (001 1.1.2)'
set title 'Wake objective and log-likelihood'
set xlabel 'iteration'
set ylabel 'average over the data (nats)'
set key bottom right
plot mle with lines ls 7 title 'maximum log-likelihood', \
     datafile index 0 using 1:3 with linespoints ls 2 title 'log p_θ(x) (average)', \
     '' index 0 using 1:2 with linespoints ls 1 title 'ELBO L(θ, φ) (wake objective)'
set title 'Sleep objective: inclusive KL'
set ylabel 'E_x KL(p_θ(z|x) || q_φ(z|x))'
set logscale y
set format y '10^{%L}'
set key top right
plot datafile index 0 using 1:4 with linespoints ls 2 title 'after the wake step', \
     '' index 0 using 1:5 with linespoints ls 1 title 'after the sleep step'
unset multiplot
unset output
