# em_coordinate_ascent.gp -- written by em_coordinate_ascent; render with `gnuplot em_coordinate_ascent.gp` in this folder.
if (!exists("datafile")) datafile = 'em_coordinate_ascent.dat'
if (!exists("outfile")) outfile = 'em_coordinate_ascent.svg'
fig_w = 1800
fig_h = 960
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
set origin 0, 0
set size 1 / 3.0, 1
set title '000 P5: each line against its truth'
set logscale x
set format x '10^{%L}'
set xrange [0.0005:2]
set yrange [12.5:0.5]
set xlabel '|line - truth| / (z·SE + bound) per point (≤ 1 holds)'
unset ylabel
set key off
set grid xtics
set arrow from 1, graph 0 to 1, graph 1 nohead ls 7
set ytics font ',10' ('000 P5 Lemma 1 (holds)' 1, '000 P5 Lemma 1 proof (holds)' 2, '000 P5 Lemma 1 proof (holds)' 3, '000 P5 Lemma 1 proof (holds)' 4, '000 P5 Lemma 1 proof (holds)' 5, '000 P5 F(θ,q) (holds)' 6, '000 P5 F(θ,q) (holds)' 7, '000 P5 F(θ,q) (holds)' 8, '000 P5 E-step (holds)' 9, '000 P5 M-step (slip)' 10, '000 P5 M-step (holds)' 11, '000 P5 M-step (holds)' 12)
plot datafile index 0 using 1:(1) with points ls 1, \
     datafile index 1 using 1:(2) with points ls 1, \
     datafile index 2 using 1:(3) with points ls 1, \
     datafile index 3 using 1:(4) with points ls 1, \
     datafile index 4 using 1:(5) with points ls 1, \
     datafile index 5 using 1:(6) with points ls 1, \
     datafile index 6 using 1:(7) with points ls 1, \
     datafile index 7 using 1:(8) with points ls 1, \
     datafile index 8 using 1:(9) with points ls 1, \
     datafile index 9 using 1:(10) with points ls 2, \
     datafile index 10 using 1:(11) with points ls 1, \
     datafile index 11 using 1:(12) with points ls 1
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
set key font ',8'
bound_1d = 6.14522e-10
bound_2d = 2.44632e-10
set xrange [0:60]
set logscale y
set format y '10^{%L}'
do for [blk=0:1] {
  set origin (1 + blk) / 3.0, 0.5
  set size 1 / 3.0, 0.5
  set title (blk == 0 ? '1-D EM: gap below the converged log-likelihood ll*' : '2-D EM: gap below ll*')
  set xlabel 'iteration t (E half-step at t, M half-step at t + ½)'
  set ylabel 'll* - value'
  plot datafile index (12+blk) using 1:4 with lines ls 7 title 'log p(x|θ^t)', \
       '' index (12+blk) using 1:2 with points ls 1 title 'F after E-step', \
       '' index (12+blk) using ($1+0.5):3 with points ls 2 title 'F after M-step'
}
do for [blk=0:1] {
  set origin (1 + blk) / 3.0, 0
  set title (blk == 0 ? '1-D: rise of F at each half-step' : '2-D: rise of F at each half-step')
  set ylabel 'increase of F'
  bb = (blk == 0 ? bound_1d : bound_2d)
  plot datafile index (12+blk) using 1:5 with points ls 1 title 'E half-step', \
       '' index (12+blk) using ($1+0.5):6 with points ls 2 title 'M half-step', \
       bb with lines ls 8 title 'rounding bound of F'
}
unset multiplot
unset output
