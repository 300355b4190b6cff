# gradient_estimators.gp -- written by gradient_estimators; render with `gnuplot gradient_estimators.gp` in this folder.
if (!exists("datafile")) datafile = 'gradient_estimators.dat'
if (!exists("outfile")) outfile = 'gradient_estimators.svg'
fig_w = 1800
fig_h = 720
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
set multiplot
set origin 0,0
set size 0.46,1
set title 'Each seed line against its truth'
set logscale x
set format x '10^{%L}'
set xrange [0.0005:*]
set yrange [20.5:0.5]
set xlabel '|line - truth| / (z·SE + bound) per point (≤ 1 holds)'
unset ylabel
set key off
set grid xtics
set arrow from 1, graph 0 to 1, graph 1 nohead ls 7
set ytics font ',10' ('002 2.(b) ∇θ (holds)' 1, '002 2.(b) ∇θ (holds)' 2, '002 2.(b) ∇θ (holds)' 3, '002 2.(b) ∇φ (holds)' 4, '002 2.(b) ∇λ (holds)' 5, '002 2.(b) final line (slip)' 6, '002 2.(c) ∇φ (holds)' 7, '002 2.(c) Redo (slip)' 8, '002 2.(c) item ① (holds)' 9, '002 2.(c) item ① (holds)' 10, '002 2.(c) item ① (holds)' 11, '002 2.(c) item ① (holds)' 12, '001 1.1.3 (holds)' 13, '001 1.1.3 (holds)' 14, '001 1.1.3 (holds)' 15, '001 1.1.3 (holds)' 16, '001 1.1.3 update rule (error)' 17, '001 1.1.3 update rule (carries an error)' 18, '001 1.1.3 gradient (holds)' 19, '001 1.1.3 gradient (holds)' 20)
plot datafile index 0 using 1:(1) with points ls 1, \
     datafile index 1 using 1:(2) with points ls 1, \
     datafile index 2 using 1:(3) with points ls 1, \
     datafile index 3 using 1:(4) with points ls 1, \
     datafile index 4 using 1:(5) with points ls 1, \
     datafile index 5 using 1:(6) with points ls 2, \
     datafile index 6 using 1:(7) with points ls 1, \
     datafile index 7 using 1:(8) with points ls 2, \
     datafile index 8 using 1:(9) with points ls 1, \
     datafile index 9 using 1:(10) with points ls 1, \
     datafile index 10 using 1:(11) with points ls 1, \
     datafile index 11 using 1:(12) with points ls 1, \
     datafile index 12 using 1:(13) with points ls 1, \
     datafile index 13 using 1:(14) with points ls 1, \
     datafile index 14 using 1:(15) with points ls 1, \
     datafile index 15 using 1:(16) with points ls 1, \
     datafile index 16 using 1:(17) with points ls 2, \
     datafile index 17 using 1:(18) with points ls 2, \
     datafile index 18 using 1:(19) with points ls 1, \
     datafile index 19 using 1:(20) with points ls 1
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
set origin 0.46,0
set size 0.27,1
set title 'Variance of ∂VLB/∂μ estimators against K'
set xlabel 'samples per estimate K'
set ylabel 'Var of the K-sample estimate'
unset logscale
set logscale x
set format x '%g'
set logscale y
set format y '10^{%L}'
set xrange [1:1024]
set yrange [*:*]
set key default
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set key below center vertical maxcols 1
set bmargin 9.7
plot datafile index 20 using 1:5 with lines ls 1 dt 2 lw 1.6 title 'score function, quadrature / K', \
     '' index 20 using 1:11 with lines ls 3 dt 2 lw 1.6 title 'reparameterization, quadrature / K', \
     '' index 20 using 1:2:3:4 with yerrorbars ls 1 title 'score function ± z·SE (z = 5.76)', \
     '' index 20 using 1:8:9:10 with yerrorbars ls 3 title 'reparameterization ± z·SE (z = 5.76)'
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
set origin 0.73,0
set size 0.27,1
set title 'Variance of ∂VLB/∂v estimators against K'
set xlabel 'samples per estimate K'
set ylabel 'Var of the K-sample estimate'
unset logscale
set logscale x
set format x '%g'
set logscale y
set format y '10^{%L}'
set xrange [1:1024]
set yrange [*:*]
set key default
set key opaque box lc rgb '#c0c0c0' samplen 2.5 spacing 1.2
set key below center vertical maxcols 1
set bmargin 9.7
plot datafile index 21 using 1:5 with lines ls 1 dt 2 lw 1.6 title 'score function, quadrature / K', \
     '' index 21 using 1:11 with lines ls 3 dt 2 lw 1.6 title 'reparameterization, quadrature / K', \
     '' index 21 using 1:2:3:4 with yerrorbars ls 1 title 'score function ± z·SE (z = 5.76)', \
     '' index 21 using 1:8:9:10 with yerrorbars ls 3 title 'reparameterization ± z·SE (z = 5.76)'
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
