# jsd_disjoint.gp -- written by jsd_disjoint; render with `gnuplot jsd_disjoint.gp` in this folder.
if (!exists("datafile")) datafile = 'jsd_disjoint.dat'
if (!exists("outfile")) outfile = 'jsd_disjoint.svg'
fig_w = 1800
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
set multiplot layout 1,3 title 'Jensen-Shannon divergence and disjoint supports (003 Q7)'
ln2 = log(2)
set title 'JSD of N(0,1) and N(d,1) tends to log 2'
set xlabel 'separation d'
set ylabel 'JSD (nats)'
set xrange [0:12]
set yrange [0:0.8]
set key bottom right
plot datafile index 0 using 1:(ln2 - $5):(ln2 - $4) with filledcurves ls 3 title 'closed-form band', \
     '' index 0 using 1:2 with lines ls 1 title 'JSD by quadrature', \
     ln2 with lines ls 7 title 'log 2'
set title 'Seed lines as written against the truth (disjoint cases)'
set xlabel ''
set ylabel 'value (nats)'
set xrange [0.4:7.6]
set yrange [0:0.9]
set key bottom right
set xtics rotate by -30 left font ',11'
unset grid
set grid ytics
plot for [c=1:7] datafile index 1 using (c + 0.03*(int($0) % 11 - 5)):(column(c+1)) with points ls 1 pt 7 ps 0.5 title (c == 1 ? 'truth, each case' : ''), \
     '' index 2 using 1:2:xtic(3) with points pt 4 ps 2.5 lw 2 lc rgb '#D55E00' title 'seed, as written', \
     ln2 with lines ls 8 title 'log 2', ln2/2 with lines ls 8 dt 4 title '(log 2)/2'
set title 'Gap log 2 - JSD and its closed-form bounds'
set xtics norotate font ''
set grid
set xlabel 'separation d'
set ylabel 'log 2 - JSD'
set logscale y
set format y '10^{%L}'
set xrange [0:12]
set yrange [1e-10:3]
set key bottom left
plot datafile index 0 using 1:(ln2 - $2) with lines ls 1 title 'quadrature', \
     '' index 0 using 1:5 with lines ls 2 dt 2 title 'log 2 · e^{-d^2/8} (upper)', \
     '' index 0 using 1:4 with lines ls 3 dt 2 title 'log 2 · 2Q(d/2) (lower)'
unset multiplot
unset output
