# mean_field.gp -- written by mean_field; render with `gnuplot mean_field.gp` in this folder.
if (!exists("datafile")) datafile = 'mean_field.dat'
if (!exists("outfile")) outfile = 'mean_field.svg'
fig_w = 1800
fig_h = 700
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
set title 'Each line against its truth'
set logscale x
set format x '10^{%L}'
set xrange [0.0005:*]
set yrange [21.5:0.5]
set xlabel '|line - truth| / (z·SE + bound) per point (≤ 1 holds)'
unset ylabel
set key off
set grid xtics
set arrow from 1, graph 0 to 1, graph 1 nohead ls 7
set ytics font ',10' ('004 eq. (2.1) (holds)' 1, '004 eq. (2.2) (holds)' 2, '004 eq. (2.3) (holds)' 3, '004 Problem 3 (holds)' 4, '004 eq. (2.4) (holds)' 5, '004 eq. (2.5) (holds)' 6, '004 eq. (2.6) (holds)' 7, '004 eq. (2.6) (holds)' 8, '004 eq. (2.7) (holds)' 9, '004 eq. (2.7) (holds)' 10, '004 eq. (2.8) (holds)' 11, '004 eq. (2.8) (holds)' 12, '004 eq. (2.9) (holds)' 13, '004 eqs. (2.10)-(2.11) (error)' 14, '004 eq. (2.12) (holds)' 15, '004 eq. (2.13) (holds)' 16, '004 eq. (2.14) (holds)' 17, '004 eq. (2.15) (holds)' 18, '004 eq. (1.10) (holds)' 19, '004 eq. (1.11) (holds)' 20, '004 eq. (1.12) (holds)' 21)
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
     datafile index 13 using 1:(14) with points ls 2, \
     datafile index 14 using 1:(15) with points ls 1, \
     datafile index 15 using 1:(16) with points ls 1, \
     datafile index 16 using 1:(17) with points ls 1, \
     datafile index 17 using 1:(18) with points ls 1, \
     datafile index 18 using 1:(19) with points ls 1, \
     datafile index 19 using 1:(20) with points ls 1, \
     datafile index 20 using 1:(21) with points ls 1
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
set title 'p(z|x) and q*(z), θ = (2, 1.5), x = 3'
set xlabel 'z_1'
set ylabel 'z_2'
set size ratio -1
set key inside top right font ',11' spacing 1
plot datafile index 21 using 1:2 with lines ls 3 title 'p(z|x) exact', \
     datafile index 23 using 1:2 with lines ls 2 title 'q*(z) mean-field', \
     datafile index 22 using 1:2 with linespoints ls 1 pt 7 ps 0.6 title 'updates (2.13)', \
     '+' using (0.8275862069):(0.6206896552) every ::0::0 with points ls 7 pt 2 ps 2 title 'posterior mean'
set size noratio
set title 'ELBO after each update (m_1, s_1, m_2, s_2, ...)'
set xlabel 'update'
set ylabel 'nats'
unset logscale
set format x '%g'
set format y '%g'
set xrange [0:52]
set yrange [*:*]
set key default
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set key inside bottom right
plot datafile index 24 using 1:11 with lines ls 8 dt 3 lw 1.6 title 'log p(x)', \
     '' index 24 using 1:5 with lines ls 7 title 'log p(x) - KL(q*||p)', \
     '' index 24 using 1:2 with lines ls 1 title 'ELBO', \
     '' index 24 using 1:8 with lines ls 2 dt 4 lw 2.4 title 'seed (2.10)-(2.11) at q* (error)'
unset logscale
set format x '%g'
set format y '%g'
set xtics autofreq
set ytics autofreq
set xrange [*:*]
set yrange [*:*]
set key default
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
unset multiplot
unset output
