# iwae_bound.gp -- written by iwae_bound; render with `gnuplot iwae_bound.gp` in this folder.
if (!exists("datafile")) datafile = 'iwae_bound.dat'
if (!exists("outfile")) outfile = 'iwae_bound.svg'
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
set multiplot layout 1,3 title 'Importance-weighted bounds: the gap log p(x) - L_k closes for bounded and unbounded p/q'
set title 'Each seed line against its truth'
set logscale x
set format x '10^{%L}'
set xrange [0.0005:2]
set yrange [28.5:0.5]
set xlabel '|line - truth| / (z·SE + bound) per point (≤ 1 holds)'
unset ylabel
set key off
set grid xtics
set arrow from 1, graph 0 to 1, graph 1 nohead ls 7
set ytics font ',10' ('001 1.1.4 (holds)' 1, '001 1.1.4 (holds)' 2, '001 1.1.4 (holds)' 3, '001 1.1.4 (holds)' 4, '001 1.1.4 (holds)' 5, '001 1.1.4 (holds)' 6, '001 1.1.4 (holds)' 7, '001 1.1.4 (holds)' 8, '001 1.1.4 (holds)' 9, '001 1.1.4 (holds)' 10, '003 Q3 (holds)' 11, '003 Q3.1 (holds)' 12, '003 Q3.1 (holds)' 13, '003 Q3.1 (holds)' 14, '003 Q3.1 (holds)' 15, '003 Q3.1 (holds)' 16, '003 Q3.1 (holds)' 17, '003 Q3.1 (holds)' 18, '003 Q3.2 (holds)' 19, '003 Q3.2 (holds)' 20, '003 Q3.2 (holds)' 21, '003 Q3.2 (holds)' 22, '003 Q3.2 (holds)' 23, '003 Q3.2 (holds)' 24, '002 1.(c) (holds)' 25, '002 1.(c) (slip)' 26, '002 1.(c) (slip)' 27, '002 1.(c) (slip)' 28)
plot datafile index 0 using 1:(1) with points ls 1, \
     datafile index 1 using 1:(2) with points ls 1, \
     datafile index 2 using 1:(3) with points ls 1, \
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
     datafile index 25 using 1:(26) with points ls 2, \
     datafile index 26 using 1:(27) with points ls 2, \
     datafile index 27 using 1:(28) with points ls 2
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
B0 = 28
B1 = 29
half_var_wide = 0.9929382408
half_var_narrow = 0.1876770739
set logscale xy
set format x '10^{%L}'
set format y '10^{%L}'
set xlabel 'number of samples k'
set title 'gap log p(x) - L_k'
set ylabel 'log p(x) - L_k (nats)'
set key bottom left font ',11' spacing 1.0
set yrange [1e-12:10]
plot datafile index B0 using 1:2 with lines ls 1 title 'wide q (p/q bounded), exact', \
     '' index B0 using 1:4 with lines ls 2 title 'narrow q (p/q unbounded), exact', \
     '' index B0 using 1:6 with lines ls 3 title 'heavy q (Var w = ∞), exact', \
     '' index B1 using 1:3:($3-$4):($3+$4) with yerrorbars ls 1 notitle, \
     '' index B1 using 1:5:($5-$6):($5+$6) with yerrorbars ls 2 notitle, \
     '' index B1 using 1:7:($7-$8 > 0 ? $7-$8 : $7/10):($7+$8) with yerrorbars ls 3 notitle, \
     keyentry with yerrorbars lc rgb 'black' pt 7 title 'Monte Carlo ± SE', \
     '' index B0 using 1:9 with lines ls 7 title 'Var(w)/(2k p(x)^2)', \
     '' index B0 using 1:10 with lines ls 7 notitle, \
     '' index B0 using 1:8 with lines ls 8 title 'bound Var(w)/(2k p(x) w_{min}), narrow'
set title 'k times the gap: flat = 1/k rate'
set ylabel 'k (log p(x) - L_k)'
set format y '%g'
set key top left
set yrange [*:*]
plot datafile index B0 using 1:($1*$2) with linespoints ls 1 title 'wide q', \
     '' index B0 using 1:($1*$4) with linespoints ls 2 title 'narrow q', \
     '' index B0 using 1:($1*$6) with linespoints ls 3 title 'heavy q', \
     half_var_wide with lines ls 7 title 'Var(w)/(2 p(x)^2)', \
     half_var_narrow with lines ls 7 notitle
unset multiplot
unset output
