# masked_convolution.gp -- written by masked_convolution; render with `gnuplot masked_convolution.gp` in this folder.
if (!exists("datafile")) datafile = 'masked_convolution.dat'
if (!exists("outfile")) outfile = 'masked_convolution.svg'
fig_w = 1500
fig_h = 900
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
set multiplot layout 2,3 title 'Receptive field of output pixel 33: two masked 3×3 layers, padding 1, 5×5 map' font ',16'
set title '003 Q4: the written masks against the definitions'
set logscale x
set format x '10^{%L}'
set xrange [0.0005:2]
set yrange [2.5:0.5]
set xlabel '|line - truth| / (z·SE + bound) per point (≤ 1 holds)'
unset ylabel
set key off
set grid xtics
set arrow from 1, graph 0 to 1, graph 1 nohead ls 7
set ytics font ',10' ('003 Q4 (M^A) (holds)' 1, '003 Q4 (M^B) (holds)' 2)
plot datafile index 0 using 1:(1) with points ls 1, \
     datafile index 1 using 1:(2) with points ls 1
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
set palette defined (0 '#ffffff', 1 '#E69F00', 2 '#56B4E9')
set cbrange [0:2]
unset colorbox
set xrange [0.5:5.5]
set yrange [5.5:0.5]
set xtics 1,1,5 scale 0
set ytics 1,1,5 scale 0
unset grid
unset logscale
set xlabel 'column j'
set ylabel 'row i'
set size ratio -1
set key outside bottom center horizontal samplen 1.2
set object 1 rect from 2.5,2.5 to 3.5,3.5 front fillstyle empty border lc rgb '#000000' lw 4
set title "1. M^A then M^A: 9 inputs; blind spot 24 25 32"
plot datafile index 2 using 2:1:4 with image pixels notitle, \
     '' index 2 using 2:1:(sprintf('%d', $3)) with labels font ',13' notitle, \
     NaN with boxes fs solid 1 lc rgb '#56B4E9' title 'seen by 33', \
     NaN with boxes fs solid 1 lc rgb '#E69F00' title 'blind spot'
set title "2. M^A then M^B: 11 inputs; blind spot 25"
plot datafile index 3 using 2:1:4 with image pixels notitle, \
     '' index 3 using 2:1:(sprintf('%d', $3)) with labels font ',13' notitle
set title "3. M^B then M^A: 11 inputs; blind spot 25"
plot datafile index 4 using 2:1:4 with image pixels notitle, \
     '' index 4 using 2:1:(sprintf('%d', $3)) with labels font ',13' notitle
set title "4. M^B then M^B: 12 inputs; blind spot 25"
plot datafile index 5 using 2:1:4 with image pixels notitle, \
     '' index 5 using 2:1:(sprintf('%d', $3)) with labels font ',13' notitle
unset multiplot
unset output
