# kl_gaussians.gp -- written by kl_gaussians; render with `gnuplot kl_gaussians.gp` in this folder.
if (!exists("datafile")) datafile = 'kl_gaussians.dat'
if (!exists("outfile")) outfile = 'kl_gaussians.svg'
fig_w = 1100
fig_h = 640
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
set title 'KL between Gaussians: each seed line against the truth'
set logscale x
set format x '10^{%L}'
set xrange [0.0005:*]
set yrange [20.5:0.5]
set xlabel '|line - truth| / (z·SE + bound) per point (≤ 1 holds)'
unset ylabel
set key off
set grid xtics
set arrow from 1, graph 0 to 1, graph 1 nohead ls 7
set ytics font ',10' ('000 P6.1 (holds)' 1, '000 P6.1 (holds)' 2, '000 P6.1 (1) (holds)' 3, '000 P6.1 (2) (holds)' 4, '000 P6.1 (2) (holds)' 5, '000 P6.1 (2) (holds)' 6, '000 P6.1 (3) (holds)' 7, '000 P6.1 (3) (holds)' 8, '000 P6.1 (3) (slip)' 9, '000 P6.1 (3) (holds)' 10, '000 P6.1 final formula (holds)' 11, '004 eq. (1.1) (holds)' 12, '004 eq. (1.2) (error)' 13, '004 eq. (1.3) (carries an error)' 14, '004 eq. (1.4) (carries an error)' 15, '004 eq. (1.5) (error)' 16, '004 eq. (1.6) (carries an error)' 17, '004 eq. (1.7) (carries an error)' 18, '004 eq. (1.8) (carries an error)' 19, '002 2.(c) item ② (error)' 20)
plot datafile index 0 using 1:(1) with points ls 1, \
     datafile index 1 using 1:(2) with points ls 1, \
     datafile index 2 using 1:(3) with points ls 1, \
     datafile index 3 using 1:(4) with points ls 1, \
     datafile index 4 using 1:(5) with points ls 1, \
     datafile index 5 using 1:(6) with points ls 1, \
     datafile index 6 using 1:(7) with points ls 1, \
     datafile index 7 using 1:(8) with points ls 1, \
     datafile index 8 using 1:(9) with points ls 2, \
     datafile index 9 using 1:(10) with points ls 1, \
     datafile index 10 using 1:(11) with points ls 1, \
     datafile index 11 using 1:(12) with points ls 1, \
     datafile index 12 using 1:(13) with points ls 2, \
     datafile index 13 using 1:(14) with points ls 2, \
     datafile index 14 using 1:(15) with points ls 2, \
     datafile index 15 using 1:(16) with points ls 2, \
     datafile index 16 using 1:(17) with points ls 2, \
     datafile index 17 using 1:(18) with points ls 2, \
     datafile index 18 using 1:(19) with points ls 2, \
     datafile index 19 using 1:(20) with points ls 2
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
unset output
