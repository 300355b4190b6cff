# elbo_gap.gp -- written by elbo_gap; render with `gnuplot elbo_gap.gp` in this folder.
if (!exists("datafile")) datafile = 'elbo_gap.dat'
if (!exists("outfile")) outfile = 'elbo_gap.svg'
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
worst = 39
set multiplot layout 1,2 title 'ELBO gap = KL(q || p(z|x)): amortized encoder against per-datapoint optimum'
set title 'per-datapoint KL to the posterior'
set xlabel 'datapoint (sorted by amortized KL)'
set ylabel 'KL(q || p(z|x_i)) (nats)'
set key top left
set yrange [0:*]
plot datafile index 0 using 1:4:3 with filledcurves ls 2 title 'amortization gap', \
     '' index 0 using 1:3 with lines ls 2 title 'amortized q_{φ*}, closed form', \
     '' index 0 using 1:5 with points ls 2 title 'amortized, BFGS', \
     '' index 0 using 1:4 with lines ls 1 title 'per-datapoint q_i^*, closed form', \
     '' index 0 using 1:6 with points ls 1 title 'per-datapoint, BFGS'
set title sprintf('largest gap (datapoint %d): posterior and the two diagonal fits', worst)
set xlabel 'z_1'
set ylabel 'z_2'
set key top right font ',11' spacing 1.0
set yrange [*:*]
set size ratio -1
plot datafile index 1 with lines ls 7 title 'posterior 1σ', \
     '' index 2 with lines ls 8 title 'posterior 2σ', \
     '' index 3 with lines ls 1 title 'q_i^* 1σ', \
     '' index 4 with lines ls 2 title 'q_{φ*} 1σ', \
     '' index 5 every ::0::0 with points ls 1 pt 7 ps 1.2 title 'μ(x)', \
     '' index 5 every ::1::1 with points ls 2 pt 5 ps 1.2 title 'm_{φ*}(x)'
unset multiplot
unset output
