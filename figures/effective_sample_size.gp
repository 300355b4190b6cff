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
set multiplot layout 1,3 title 'Effective sample size: Geyer estimator on AR(1), then MH against HMC'
set title '(a) AR(1), n = 100000: estimated against exact ESS'
set xlabel 'exact ESS / n'
set ylabel 'estimated ESS / n'
unset logscale
set logscale x
set format x '10^{%L}'
set logscale y
set format y '10^{%L}'
set xrange [0.002:50]
set yrange [0.002:50]
set key default
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set key top left
plot datafile index 0 using 1:5 with lines ls 7 title 'estimate = exact', \
     '' index 0 using 1:2 with points ls 1 title 'median', \
     '' index 0 using 1:2:6:7 with yerrorbars ls 1 lw 1.2 pt 7 ps 0.5 title '10-90% of replicates', \
     '' index 0 using 1:2:10 with labels left offset 1,-0.8 font ',11' notitle
unset logscale
set format x '%g'
set format y '%g'
set xtics autofreq
set ytics autofreq
set xrange [*:*]
set yrange [*:*]
set key default
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set title '(b) estimated / exact ESS in each check''s band'
set xlabel 'lag-1 autocorrelation ρ'
set ylabel 'estimated / exact ESS'
unset logscale
set format x '%g'
set logscale y
set format y '%g'
set ytics (0.1, 0.2, 0.5, 1, 2, 5, 10)
set xrange [-1.05:1.05]
set yrange [*:*]
set key default
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set key top center font ',11' spacing 1
plot datafile index 1 using 1:3:4 with filledcurves ls 1 title 'median, ρ ≥ 0: band × e^{±z·SE}, z = 5.57', \
     '' index 1 using 1:9:10 with filledcurves ls 3 title 'median, ρ < 0: band × e^{±z·SE}, z = 5.45', \
     '' index 1 using 1:5 with lines ls 7 title 'exact', \
     '' index 1 using 1:2 with linespoints ls 1 title 'median, ρ ≥ 0', \
     '' index 1 using 1:2:6:7 with yerrorbars ls 1 lw 1.2 pt 7 ps 0.5 title '10-90%, ρ ≥ 0', \
     '' index 1 using 1:8 with linespoints ls 3 title 'median, ρ < 0', \
     '' index 1 using 1:8:12:13 with yerrorbars ls 3 lw 1.2 pt 7 ps 0.5 title '10-90%, ρ < 0'
unset logscale
set format x '%g'
set format y '%g'
set xtics autofreq
set ytics autofreq
set xrange [*:*]
set yrange [*:*]
set key default
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set title '(c) mixture: ESS per 1000 density/gradient evaluations'
set xlabel 'chain average'
set ylabel 'ESS per 1000 evaluations'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.7 border -1
set boxwidth 0.9
set yrange [0:*]
set key top left
plot datafile index 2 using 3:xtic(2) ls 1 title 'MH (random walk)', \
     '' index 2 using 4 ls 2 title 'HMC (leapfrog)'
unset multiplot
unset output
