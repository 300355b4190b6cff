# gradient_estimators.gp -- written by gradient_estimators; render with `gnuplot gradient_estimators.gp` in this folder.
if (!exists("datafile")) datafile = 'gradient_estimators.dat'
if (!exists("outfile")) outfile = 'gradient_estimators.svg'
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
ylo_m = 9.064e-05
ylo_v = 0.0002123
zc = 5.3267
set multiplot layout 1,2 title 'Variance of ELBO gradient estimators against the sample count K'
set logscale xy
set format x '%g'
set format y '10^{%L}'
set xlabel 'samples per estimate K'
set ylabel 'Var of the K-sample estimate'
set key bottom left
set xrange [0.7:1500]
lo(m, s) = (m - zc*s > 0) ? m - zc*s : m / 10
set title '∂ELBO/∂m'
set yrange [ylo_m:*]
plot datafile index 0 using 1:2:(lo($2,$3)):($2+zc*$3) with yerrorbars ls 2 title 'score function (MC)', \
     '' index 0 using 1:10 with lines ls 2 dt 2 title 'score function, closed form / K', \
     '' index 0 using 1:4:(lo($4,$5)):($4+zc*$5) with yerrorbars ls 1 title 'reparameterization (MC)', \
     '' index 0 using 1:11 with lines ls 1 dt 2 title 'reparameterization, closed form / K'
set title '∂ELBO/∂v'
set yrange [ylo_v:*]
plot datafile index 0 using 1:6:(lo($6,$7)):($6+zc*$7) with yerrorbars ls 2 title 'score function (MC)', \
     '' index 0 using 1:12 with lines ls 2 dt 2 title 'score function, closed form / K', \
     '' index 0 using 1:8:(lo($8,$9)):($8+zc*$9) with yerrorbars ls 1 title 'reparameterization (MC)', \
     '' index 0 using 1:13 with lines ls 1 dt 2 title 'reparameterization, closed form / K'
unset multiplot
unset output
