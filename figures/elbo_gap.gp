# elbo_gap.gp -- written by elbo_gap; render with `gnuplot elbo_gap.gp` in this folder.
if (!exists("datafile")) datafile = 'elbo_gap.dat'
if (!exists("outfile")) outfile = 'elbo_gap.svg'
fig_w = 1500
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
set multiplot layout 1,2
set title 'Each seed line against its truth'
set logscale x
set format x '10^{%L}'
set xrange [0.0005:2]
set yrange [34.5:0.5]
set xlabel '|line - truth| / (z·SE + bound) per point (≤ 1 holds)'
unset ylabel
set key off
set grid xtics
set arrow from 1, graph 0 to 1, graph 1 nohead ls 7
set ytics font ',10' ('001 1.1.1 (holds)' 1, '001 1.1.1 (holds)' 2, '001 1.1.1 (slip)' 3, '001 1.1.1 (holds)' 4, '001 1.1.1 (holds)' 5, '001 1.1.1 (holds)' 6, '003 Q2.1 (holds)' 7, '003 Q2.1 (holds)' 8, '003 Q2.1 (holds)' 9, '003 Q2.1 (holds)' 10, '003 Q2.1 (holds)' 11, '003 Q2.1 (holds)' 12, '003 Q2.1 (holds)' 13, '003 Q2.1 (holds)' 14, '003 Q2.1 (holds)' 15, '003 Q2.1 (holds)' 16, '003 Q2.1 (holds)' 17, '003 Q2.2 (holds)' 18, '003 Q2.2 (holds)' 19, '003 Q2.2 (holds)' 20, '003 Q2.2 (holds)' 21, '003 Q2.2 (holds)' 22, '003 Q2.2 (holds)' 23, '003 Q2.2 (holds)' 24, '003 Q2.2 (holds)' 25, '003 Q2.2 (holds)' 26, '003 Q2.2 (holds)' 27, '003 Q2.2 (holds)' 28, '003 Q2.2 (holds)' 29, '003 Q2.3(a) (slip)' 30, '003 Q2.3(a) (holds)' 31, '002 2.(a) (holds)' 32, '002 2.(a) (holds)' 33, '002 2.(a) (holds)' 34)
plot datafile index 0 using 1:(1) with points ls 1, \
     datafile index 1 using 1:(2) with points ls 1, \
     datafile index 2 using 1:(3) with points ls 2, \
     datafile index 3 using 1:(4) with points ls 1, \
     datafile index 4 using 1:(5) with points ls 1, \
     datafile index 5 using 1:(6) with points ls 1, \
     datafile index 6 using 1:(7) with points ls 1, \
     datafile index 7 using 1:(8) with points ls 1, \
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
     datafile index 29 using 1:(30) with points ls 2, \
     datafile index 30 using 1:(31) with points ls 1, \
     datafile index 31 using 1:(32) with points ls 1, \
     datafile index 32 using 1:(33) with points ls 1, \
     datafile index 33 using 1:(34) with points ls 1
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
set title 'per-datapoint KL to the posterior (mean gap 0.2842 nats)'
set xlabel 'datapoint (sorted by the amortized KL)'
set ylabel 'KL(q || p(z|x_i)) (nats)'
set key top left font ',10'
set yrange [0:*]
unset logscale
set autoscale x
plot datafile index 34 using 1:2:3 with filledcurves ls 2 title 'amortization gap', \
     '' index 34 using 1:3 with linespoints ls 2 title 'amortized q_{φ*} (sees x_1, x_2)', \
     '' index 34 using 1:2 with lines ls 1 title 'per-datapoint q_i^* (approximation gap)'
unset multiplot
unset output
