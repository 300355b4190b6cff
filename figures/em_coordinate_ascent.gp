# em_coordinate_ascent.gp -- written by em_coordinate_ascent; render with `gnuplot em_coordinate_ascent.gp` in this folder.
if (!exists("datafile")) datafile = 'em_coordinate_ascent.dat'
if (!exists("outfile")) outfile = 'em_coordinate_ascent.svg'
fig_w = 1280
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
bound_1d = 1.21957e-09
bound_2d = 4.83442e-10
set xrange [0:60]
set multiplot layout 2,2 title 'EM as coordinate ascent on F(θ, q) = log p(x|θ) - KL(q || p_θ(z|x))'
set logscale y
set format y '10^{%L}'
set key top right
do for [blk=0:1] {
  set title (blk == 0 ? '1-D, three components: gap below the converged log-likelihood ll*' : '2-D, three components: gap below ll*')
  set xlabel 'iteration t (E half-step at t, M half-step at t + ½)'
  set ylabel 'll* - value'
  plot datafile index blk using 1:4 with lines ls 7 title 'log p(x|θ^t)', \
       '' index blk using 1:2 with points ls 1 title 'F after E-step', \
       '' index blk using ($1+0.5):3 with points ls 2 title 'F after M-step'
}
do for [blk=0:1] {
  set title (blk == 0 ? '1-D: rise of F at each half-step' : '2-D: rise of F at each half-step')
  set ylabel 'increase of F'
  b = (blk == 0 ? bound_1d : bound_2d)
  plot datafile index blk using 1:5 with points ls 1 title 'E half-step', \
       '' index blk using ($1+0.5):6 with points ls 2 title 'M half-step', \
       b with lines ls 8 title 'rounding bound of F'
}
unset multiplot
unset output
