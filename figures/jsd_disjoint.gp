# jsd_disjoint.gp -- written by jsd_disjoint; render with `gnuplot jsd_disjoint.gp` in this folder.
if (!exists("datafile")) datafile = 'jsd_disjoint.dat'
if (!exists("outfile")) outfile = 'jsd_disjoint.svg'
fig_w = 1500
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
set multiplot layout 1,2
set title '003 Q7: each line against its truth (nats)'
set logscale x
set format x '10^{%L}'
set xrange [0.0005:2]
set yrange [12.5:0.5]
set xlabel '|line - truth| / (z·SE + bound) per point (≤ 1 holds)'
unset ylabel
set key off
set grid xtics
set arrow from 1, graph 0 to 1, graph 1 nohead ls 7
set ytics font ',10' ('003 Q7 (holds)' 1, '003 Q7 (holds)' 2, '003 Q7 (holds)' 3, '003 Q7 (holds)' 4, '003 Q7 (holds)' 5, '003 Q7 (holds)' 6, '003 Q7 footnote 4 (holds)' 7, '003 Q7 (20) (holds)' 8, '003 Q7 (21) (holds)' 9, '003 Q7 (22) (slip)' 10, '003 Q7 box (holds)' 11, '003 Q7 box (holds)' 12)
plot datafile index 0 using 1:(1) with points ls 1, \
     datafile index 1 using 1:(2) with points ls 1, \
     datafile index 2 using 1:(3) with points ls 1, \
     datafile index 3 using 1:(4) with points ls 1, \
     datafile index 4 using 1:(5) with points ls 1, \
     datafile index 5 using 1:(6) with points ls 1, \
     datafile index 6 using 1:(7) with points ls 1, \
     datafile index 7 using 1:(8) with points ls 1, \
     datafile index 8 using 1:(9) with points ls 1, \
     datafile index 9 using 1:(10) with points ls 2, \
     datafile index 10 using 1:(11) with points ls 1, \
     datafile index 11 using 1:(12) with points ls 1
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
set title 'JSD of N(0,1) and N(d,1) tends to log 2'
set xlabel 'separation d'
set ylabel 'JSD (nats)'
unset logscale
set format x '%g'
set format y '%g'
set xrange [0:12]
set yrange [0:0.8]
set key default
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set key below center vertical maxcols 1
set bmargin 8.4
plot datafile index 12 using 1:8:9 with filledcurves fc rgb '#999999' fs transparent solid 0.35 noborder title 'closed-form band log 2 (1 - 2Q(d/2)) ≥ JSD ≥ log 2 (1 - e^{-d²/8})', \
     '' index 12 using 1:5 with lines ls 7 title 'log 2', \
     '' index 12 using 1:2 with lines ls 1 title 'JSD by quadrature'
unset logscale
set format x '%g'
set format y '%g'
set xtics autofreq
set ytics autofreq
set xrange [*:*]
set yrange [*:*]
set key default
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set bmargin -1
unset multiplot
unset output
