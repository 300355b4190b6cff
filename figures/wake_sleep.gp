# wake_sleep.gp -- written by wake_sleep; render with `gnuplot wake_sleep.gp` in this folder.
if (!exists("datafile")) datafile = 'wake_sleep.dat'
if (!exists("outfile")) outfile = 'wake_sleep.svg'
fig_w = 2100
fig_h = 650
# The one visual style of every figure (embedded into each figures/*.gp).
# fig_w and fig_h (pixels) are set by the script before this style.
# Okabe-Ito colours (safe for colour-blind readers), one font, light grid.
set terminal svg size fig_w,fig_h enhanced font 'DejaVu Sans,14' linewidth 1.4 background rgb 'white'
set encoding utf8
set border 3 lw 1 lc rgb '#404040'
set tics nomirror out scale 0.7
set grid lc rgb '#e0e0e0' lw 1 dt 1
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
# (lib/figure.h's FIGURE_STYLE_KEY restores this key after a library panel: keep them equal)
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
set multiplot layout 1,3 title 'Wake-sleep on a linear-Gaussian model (001 1.1.2)'
set title 'Each seed line against its truth'
set logscale x
set format x '10^{%L}'
set xrange [0.0005:*]
set yrange [8.5:0.5]
set xlabel '|line - truth| / (z·SE + bound) per point (≤ 1 holds)'
unset ylabel
set key off
set grid xtics
set arrow from 1, graph 0 to 1, graph 1 nohead ls 7
set ytics font ',10' ('001 1.1.2 wake, first equality (holds)' 1, '001 1.1.2 wake, second equality (slip)' 2, '001 1.1.2 wake, third equality (slip)' 3, '001 1.1.2 wake, last equality (holds)' 4, '001 1.1.2 sleep (error)' 5, '001 1.1.2 sleep (holds)' 6, '001 1.1.2 sleep (holds)' 7, '001 1.1.2 disadvantages (error)' 8)
plot datafile index 0 using 1:(1) with points ls 1, \
     datafile index 1 using 1:(2) with points ls 2, \
     datafile index 2 using 1:(3) with points ls 2, \
     datafile index 3 using 1:(4) with points ls 1, \
     datafile index 4 using 1:(5) with points ls 2, \
     datafile index 5 using 1:(6) with points ls 1, \
     datafile index 6 using 1:(7) with points ls 1, \
     datafile index 7 using 1:(8) with points ls 2
unset arrow
unset logscale x
set format x
set xrange [*:*]
set yrange [*:*]
set ytics font ''
set ytics auto
set grid
set key default
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set key font ',8' spacing 0.75
mle = -2.8911601
set title 'Wake objective and log-likelihood'
set xlabel 'iteration'
set ylabel 'average over the data (nats)'
set key bottom right font ',10'
unset logscale
set autoscale
set format y '%g'
plot mle with lines ls 7 title 'maximum log-likelihood', \
     datafile index 8 using 1:3 with linespoints ls 2 title 'log p_θ(x) (average)', \
     '' index 8 using 1:2 with linespoints ls 1 title 'ELBO L(θ, φ) (wake objective)'
set title 'Sleep objective: inclusive KL'
set ylabel 'E_x KL(p_θ(z|x) || q_φ(z|x))'
set logscale y
set format y '10^{%L}'
set key top right
plot datafile index 8 using 1:4 with linespoints ls 2 title 'after the wake step', \
     '' index 8 using 1:5 with linespoints ls 1 title 'after the sleep step'
unset multiplot
unset output
