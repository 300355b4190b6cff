# conjugate_duals.gp -- written by conjugate_duals; render with `gnuplot conjugate_duals.gp` in this folder.
if (!exists("datafile")) datafile = 'conjugate_duals.dat'
if (!exists("outfile")) outfile = 'conjugate_duals.svg'
fig_w = 1800
fig_h = 620
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
set multiplot layout 1,3
set title '003 Q6: each line against its truth'
set logscale x
set format x '10^{%L}'
set xrange [0.0005:2]
set yrange [38.5:0.5]
set xlabel '|line - truth| / (z·SE + bound) per point (≤ 1 holds)'
unset ylabel
set key off
set grid xtics
set arrow from 1, graph 0 to 1, graph 1 nohead ls 7
set ytics font ',10' ('003 Q6.1(a) (holds)' 1, '003 Q6.1(a) (slip)' 2, '003 Q6.1(a) (holds)' 3, '003 Q6.1(a) (holds)' 4, '003 Q6.1(a) (holds)' 5, '003 Q6.1(a) (holds)' 6, '003 Q6.1(a) (holds)' 7, '003 Q6.1(a) (slip)' 8, '003 Q6.1(a) (holds)' 9, '003 Q6.1(a) (holds)' 10, '003 Q6.1(a) (holds)' 11, '003 Q6.1(a) (holds)' 12, '003 Q6.1(a) (holds)' 13, '003 Q6.1(b) (holds)' 14, '003 Q6.1(b) (holds)' 15, '003 Q6.1(b) (holds)' 16, '003 Q6.1(b) (holds)' 17, '003 Q6.1(b) (holds)' 18, '003 Q6.1(b) (holds)' 19, '003 Q6.1(b) (holds)' 20, '003 Q6.1(b) (holds)' 21, '003 Q6.2(a) (holds)' 22, '003 Q6.2(a) (holds)' 23, '003 Q6.2(a) (holds)' 24, '003 Q6.2(a) (holds)' 25, '003 Q6.3 (holds)' 26, '003 Q6.3 (holds)' 27, '003 Q6.3 (holds)' 28, '003 Q6.3 (holds)' 29, '003 Q6.3 (holds)' 30, '003 Q6.3 (holds)' 31, '003 Q6.3 (holds)' 32, '003 Q6.3 (holds)' 33, '003 Q6.3 (holds)' 34, '003 Q6.3 (holds)' 35, '003 Q6.3 (holds)' 36, '003 Q6.3 (holds)' 37, '003 Q6.3 (holds)' 38)
plot datafile index 0 using 1:(1) with points ls 1, \
     datafile index 1 using 1:(2) with points ls 2, \
     datafile index 2 using 1:(3) with points ls 1, \
     datafile index 3 using 1:(4) with points ls 1, \
     datafile index 4 using 1:(5) with points ls 1, \
     datafile index 5 using 1:(6) with points ls 1, \
     datafile index 6 using 1:(7) with points ls 1, \
     datafile index 7 using 1:(8) with points ls 2, \
     datafile index 8 using 1:(9) with points ls 1, \
     datafile index 9 using 1:(10) with points ls 1, \
     datafile index 10 using 1:(11) with points ls 1, \
     datafile index 11 using 1:(12) with points ls 1, \
     datafile index 12 using 1:(13) with points ls 1, \
     datafile index 13 using 1:(14) with points ls 1, \
     datafile index 14 using 1:(15) with points ls 1, \
     datafile index 15 using 1:(16) with points ls 1, \
     datafile index 16 using 1:(17) with points ls 1, \
     datafile index 17 using 1:(18) with points ls 1, \
     datafile index 18 using 1:(19) with points ls 1, \
     datafile index 19 using 1:(20) with points ls 1, \
     datafile index 20 using 1:(21) with points ls 1, \
     datafile index 21 using 1:(22) with points ls 1, \
     datafile index 22 using 1:(23) with points ls 1, \
     datafile index 23 using 1:(24) with points ls 1, \
     datafile index 24 using 1:(25) with points ls 1, \
     datafile index 25 using 1:(26) with points ls 1, \
     datafile index 26 using 1:(27) with points ls 1, \
     datafile index 27 using 1:(28) with points ls 1, \
     datafile index 28 using 1:(29) with points ls 1, \
     datafile index 29 using 1:(30) with points ls 1, \
     datafile index 30 using 1:(31) with points ls 1, \
     datafile index 31 using 1:(32) with points ls 1, \
     datafile index 32 using 1:(33) with points ls 1, \
     datafile index 33 using 1:(34) with points ls 1, \
     datafile index 34 using 1:(35) with points ls 1, \
     datafile index 35 using 1:(36) with points ls 1, \
     datafile index 36 using 1:(37) with points ls 1, \
     datafile index 37 using 1:(38) with points ls 1
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
unset logscale
set autoscale
set key top center
set title 'Critic T = log(p/q) + c  (p = N(0,1), q = N(1,1.5^2))'
set xlabel 'shift c'
set ylabel 'R1[T], R2[T] and KL(p||q)'
set yrange [-0.6:0.8]
plot datafile index 38 using 1:3 with lines ls 1 title 'R2 = E_p[T] - log E_q[e^T]', \
     '' index 38 using 1:2 with lines ls 2 title 'R1 = E_p[T] - E_q[e^{T-1}]', \
     '' index 38 using 1:4 with lines ls 7 title 'KL(p||q)'
set title 'Critic T = 1 + log(p/q) + ε sin(1.5x)'
set xlabel 'perturbation ε'
plot datafile index 39 using 1:3 with lines ls 1 title 'R2', \
     '' index 39 using 1:2 with lines ls 2 title 'R1', \
     '' index 39 using 1:4 with lines ls 7 title 'KL(p||q)'
unset multiplot
unset output
