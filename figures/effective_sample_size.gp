# effective_sample_size.gp -- written by effective_sample_size; render with `gnuplot effective_sample_size.gp` in this folder.
if (!exists("datafile")) datafile = 'effective_sample_size.dat'
if (!exists("outfile")) outfile = 'effective_sample_size.svg'
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
nchain = 100000
set multiplot layout 1,3 title 'Effective sample size: Geyer estimator on AR(1), then MH against HMC'
set title sprintf('(a) AR(1), n = %d: estimated against exact ESS', nchain)
set xlabel 'exact ESS / n'
set ylabel 'estimated ESS / n'
set logscale xy
set format x '%g'
set format y '%g'
set xrange [0.002:50]
set yrange [0.002:50]
set size ratio -1
set key top left
plot x with lines ls 7 title 'estimate = exact', \
     datafile index 0 using 2:3:4:5 with yerrorbars ls 1 pt 7 ps 0.8 title 'median, 10-90% of replicates', \
     '' index 0 using 2:3:(sprintf('ρ = %g', $1)) with labels offset 4.5,-0.8 font ',11' notitle
unset logscale
set size noratio
set autoscale
unset xrange
unset yrange
set title '(b) relative error across correlations'
set xlabel 'lag-1 autocorrelation ρ'
set ylabel 'estimated / exact ESS'
set xrange [-1.05:1.05]
set key top left
plot 1 with lines ls 7 title 'exact', \
     datafile index 0 using 1:($3/$2):($4/$2):($5/$2) with yerrorbars ls 1 pt 7 ps 0.8 title 'median, 10-90%'
unset xrange
set autoscale
set title '(c) mixture: ESS per 1000 density/gradient evaluations'
set xlabel 'chain average'
set ylabel 'ESS per 1000 evaluations'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.7 border -1
set boxwidth 0.9
set yrange [0:*]
set key top left
plot datafile index 1 using 3:xtic(2) ls 1 title 'MH (random walk)', \
     '' index 1 using 4 ls 2 title 'HMC (leapfrog)'
unset multiplot
unset output
