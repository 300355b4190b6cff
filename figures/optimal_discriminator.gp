# optimal_discriminator.gp -- written by optimal_discriminator; render with `gnuplot optimal_discriminator.gp` in this folder.
if (!exists("datafile")) datafile = 'optimal_discriminator.dat'
if (!exists("outfile")) outfile = 'optimal_discriminator.svg'
fig_w = 1400
fig_h = 1100
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
set multiplot title 'The optimal discriminator and the density it recovers (seed 003 Q5)'
set origin 0,0.5
set size 1,0.47
set title 'Each line''s D*(x) against the true D*(x)'
set logscale x
set format x '10^{%L}'
set xrange [0.0005:*]
set yrange [6.5:0.5]
set xlabel '|line - truth| / (z·SE + bound) per point (≤ 1 holds)'
unset ylabel
set key off
set grid xtics
set arrow from 1, graph 0 to 1, graph 1 nohead ls 7
set ytics font ',10' ('003 Q5 (line 1) (error)' 1, '003 Q5 (line 2) (carries an error)' 2, '003 Q5 (line 3) (carries an error)' 3, '003 Q5 (line 4) (slip)' 4, '003 Q5 (line 5) (carries an error)' 5, '003 Q5 (line 6) (error: does not follow)' 6)
plot datafile index 0 using 1:(1) with points ls 2, \
     datafile index 1 using 1:(2) with points ls 2, \
     datafile index 2 using 1:(3) with points ls 2, \
     datafile index 3 using 1:(4) with points ls 2, \
     datafile index 4 using 1:(5) with points ls 2, \
     datafile index 5 using 1:(6) with points ls 2
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
set key font ',11'
set origin 0.5,0
set size 0.5,0.5
set bmargin 9
set title 'Error of the recovered log-density (f1 within ±3 s1)'
set xlabel 'x'
set ylabel 'log(f0 D/(1-D)) - log f1'
unset logscale
set format x '%g'
set format y '%g'
set xrange [-0.783333333:2.775]
set yrange [*:*]
set key default
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set key outside below horizontal font ',10'
plot datafile index 7 using 1:3:4 with filledcurves ls 1 title 'band ± z·SE, z = 5.78', \
     '' index 7 using 1:5 with lines ls 7 title 'exact', \
     '' index 7 using 1:2 with lines ls 1 title 'fitted logistic D'
unset logscale
set format x '%g'
set format y '%g'
set xtics autofreq
set ytics autofreq
set xrange [*:*]
set yrange [*:*]
set key default
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set origin 0,0
set size 0.5,0.5
set title 'Densities and discriminators'
set xlabel 'x' offset 0,0.3
set ylabel 'density'
set y2label 'D(x)'
set y2range [0:1]
set y2tics 0.25 nomirror
set ytics nomirror
set key outside below horizontal maxcols 2 font ',10' spacing 1.1
set bmargin 9
plot datafile index 6 using 1:7:8 with filledcurves ls 3 title 'f0 D/(1-D) ± z·SE', \
     '' index 6 using 1:2 with lines ls 4 title 'f0', \
     '' index 6 using 1:3 with lines ls 7 title 'f1 (truth)', \
     '' index 6 using 1:6 with lines ls 3 title 'f0 D/(1-D), fitted D', \
     '' index 6 using 1:4 axes x1y2 with lines ls 1 title 'D* = f1/(f0+f1)', \
     '' index 6 using 1:5 axes x1y2 with lines ls 2 dt 4 title 'seed lines (1)-(5): f0/(f0+f1)'
unset y2label
unset y2tics
set ytics mirror
unset multiplot
unset output
