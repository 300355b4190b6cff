# hierarchical_elbo.gp -- written by hierarchical_elbo; render with `gnuplot hierarchical_elbo.gp` in this folder.
if (!exists("datafile")) datafile = 'hierarchical_elbo.dat'
if (!exists("outfile")) outfile = 'hierarchical_elbo.svg'
fig_w = 1280
fig_h = 760
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
zc = 5.3267
elbo = -2.339808
logpx = -2.3394243
set multiplot title 'ELBO of z → w → x with a mixture prior: the terms of 000 P7.1 at point 0'
set lmargin at screen 0.08
set rmargin at screen 0.98
set xrange [0.3:13.7]
set arrow 1 from 8, graph 0 to 8, graph 1 nohead lc rgb '#999999' dt 3
# top: the terms and totals
set tmargin at screen 0.91
set bmargin at screen 0.44
set format x ''
set xtics 1
set ylabel 'value (nats)'
set key bottom left
set label 1 'line 2 (five terms), sum, log p(x)' at 4, graph 0.94 center
set label 2 'line 3 as written, its total, corrected total' at 10.9, graph 0.94 center
set label 3 sprintf('off by %.3f', -1.0393137) at 12, -3.3791217 offset 1.2,0 left font ',11'
plot elbo with lines ls 7 title 'ELBO (quadrature)', \
     datafile index 0 using 1:2:($2-zc*$3):($2+zc*$3) with yerrorbars ls 1 title 'Monte Carlo ± z·SE', \
     '' index 0 using 1:($1 < 12 ? $4 : NaN) with points pt 6 ps 2.2 lc rgb '#D55E00' title 'quadrature'
# bottom: Monte Carlo minus its reference
unset label 1
unset label 2
unset label 3
set tmargin at screen 0.40
set bmargin at screen 0.17
set format x '%g'
set xtics rotate by 30 right nomirror font ',11'
set ylabel 'MC − reference'
set format y '%g'
unset key
set ytics 0.004
set label 4 sprintf('%.3f: off scale', -1.0393137) at 12, graph 0.12 center font ',11'
plot 0 with lines ls 8 notitle, \
     datafile index 0 using 1:($1 == 12 || $4 != $4 ? NaN : $2-$4):(zc*$3):xtic(5) with yerrorbars ls 1 notitle
unset multiplot
unset output
