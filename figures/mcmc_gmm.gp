# mcmc_gmm.gp -- written by mcmc_gmm; render with `gnuplot mcmc_gmm.gp` in this folder.
if (!exists("datafile")) datafile = 'mcmc_gmm.dat'
if (!exists("outfile")) outfile = 'mcmc_gmm.svg'
fig_w = 1800
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
set multiplot layout 2,3 title 'MH and HMC on a 2-D Gaussian mixture (001 2.1-2.2)'
set title '(a) each 2.1 and 2.2.1 line against its truth'
set logscale x
set format x '10^{%L}'
set xrange [0.0005:2]
set yrange [4.5:0.5]
set xlabel '|line - truth| / (z·SE + bound) per point (≤ 1 holds)'
unset ylabel
set key off
set grid xtics
set arrow from 1, graph 0 to 1, graph 1 nohead ls 7
set ytics font ',10' ('001 2.1 (holds)' 1, '001 2.1 (holds)' 2, '001 2.1 (holds)' 3, '001 2.2.1 (slip)' 4)
plot datafile index 0 using 1:(1) with points ls 1, \
     datafile index 1 using 1:(2) with points ls 1, \
     datafile index 2 using 1:(3) with points ls 1, \
     datafile index 3 using 1:(4) with points ls 2
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
set key font ',10'
set title '(b) draws over the density contours'
set xlabel 'x_1'
set ylabel 'x_2'
set xrange [-4.5:4.5]
set yrange [-3.5:4]
set contour base
unset surface
set view map
set cntrparam levels 8
set table $contours
splot datafile index 4 using 1:2:3 with lines
unset table
unset contour
set key top left
plot datafile index 5 using 1:2 with points pt 7 ps 0.25 lc rgb '#800072B2' title 'MH (as written)', \
     '' index 6 using 1:2 with points pt 7 ps 0.25 lc rgb '#80D55E00' title 'HMC', \
     $contours using 1:2 with lines lw 1.2 lc rgb '#404040' dt 1 title 'density contours'
set autoscale
unset xrange
unset yrange
set title '(c) traces of x_1 (first chain)'
set xlabel 'iteration'
set ylabel 'x_1'
set key top right
plot datafile index 7 using 1:2 with lines ls 1 lw 1 title 'MH (as written)', \
    '' index 7 using 1:3 with lines ls 2 lw 1 title 'HMC'
c_ref = 0.916563
set title '(d) leapfrog energy error, trajectory length 2'
set logscale xy
set xrange [0.002:0.2]
set xlabel 'step size ε'
set ylabel 'rms ΔH over 50 starts'
set format x '%g'
set format y '10^{%L}'
set key top left
plot c_ref * x**2 with lines ls 7 title 'slope 2: c ε²', \
     datafile index 8 using 1:2 with points ls 1 ps 1.4 title 'leapfrog'
unset logscale
set autoscale x
set format x '%g'
set format y '%g'
set title '(e) autocorrelation of x_1 (first chain)'
set xlabel 'lag'
set ylabel 'ρ_k'
set key top right
plot datafile index 9 using 1:2 with linespoints ls 1 ps 0.4 title 'MH (as written)', \
    '' index 9 using 1:3 with linespoints ls 2 ps 0.4 title 'HMC', \
     0 with lines ls 8 notitle
unset multiplot
unset output
