# iwae_bound.gp -- written by iwae_bound; render with `gnuplot iwae_bound.gp` in this folder.
if (!exists("datafile")) datafile = 'iwae_bound.dat'
if (!exists("outfile")) outfile = 'iwae_bound.svg'
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
half_var_wide = 0.9929382408
half_var_narrow = 0.1876770739
set multiplot layout 1,2 title 'Importance-weighted bounds: the gap log p(x) - L_k closes for bounded and unbounded p/q'
set logscale xy
set format x '10^{%L}'
set format y '10^{%L}'
set xlabel 'number of samples k'
set title 'gap log p(x) - L_k'
set ylabel 'log p(x) - L_k (nats)'
set key bottom left font ',11' spacing 1.0
set yrange [1e-12:10]
plot datafile index 0 using 1:2 with lines ls 1 title 'wide q (p/q bounded), exact', \
     '' index 0 using 1:4 with lines ls 2 title 'narrow q (p/q unbounded), exact', \
     '' index 0 using 1:6 with lines ls 3 title 'heavy q (Var w = ∞), exact', \
     '' index 1 using 1:3:($3-$4):($3+$4) with yerrorbars ls 1 notitle, \
     '' index 1 using 1:5:($5-$6):($5+$6) with yerrorbars ls 2 notitle, \
     '' index 1 using 1:7:($7-$8 > 0 ? $7-$8 : $7/10):($7+$8) with yerrorbars ls 3 notitle, \
     keyentry with yerrorbars lc rgb 'black' pt 7 title 'Monte Carlo ± SE', \
     '' index 0 using 1:9 with lines ls 7 title 'Var(w)/(2k p(x)^2)', \
     '' index 0 using 1:10 with lines ls 7 notitle, \
     '' index 0 using 1:8 with lines ls 8 title 'bound Var(w)/(2k p(x) w_{min}), narrow'
set title 'k times the gap: flat = 1/k rate'
set ylabel 'k (log p(x) - L_k)'
set format y '%g'
set key top left
set yrange [*:*]
plot datafile index 0 using 1:($1*$2) with linespoints ls 1 title 'wide q', \
     '' index 0 using 1:($1*$4) with linespoints ls 2 title 'narrow q', \
     '' index 0 using 1:($1*$6) with linespoints ls 3 title 'heavy q', \
     half_var_wide with lines ls 7 title 'Var(w)/(2 p(x)^2)', \
     half_var_narrow with lines ls 7 notitle
unset multiplot
unset output
