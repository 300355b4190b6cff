# conjugate_duals.gp -- written by conjugate_duals; render with `gnuplot conjugate_duals.gp` in this folder.
if (!exists("datafile")) datafile = 'conjugate_duals.dat'
if (!exists("outfile")) outfile = 'conjugate_duals.svg'
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
set multiplot layout 2,2 title 'Conjugates of u log u and variational lower bounds on KL (seed 003 Q6)'
set title 'f*(t) = sup_u [ut - u log u]'
set xlabel 't'
set ylabel 'f*(t)'
set logscale y
set format y '10^{%L}'
set key top left
plot exp(x - 1) with lines ls 7 title 'e^{t-1} (seed)', \
     datafile index 0 using 1:2 with points ls 1 title 'numerical supremum (Brent)'
unset logscale y
set format y '%g'
set title 'f**(u) = sup_t [tu - f*(t)]'
set xlabel 'u'
set ylabel 'f**(u)'
set xrange [0:4]
set yrange [-0.6:5.8]
plot datafile index 1 using 1:6 with lines ls 7 title 'u log u', \
     '' index 1 using 1:2 with points ls 2 title 'sup_t [tu - e^{t-1}] (Brent)', \
     '' index 1 using 1:4 with points ls 3 ps 1.2 title 'sup_t [tu - f*_{num}(t)] (nested Brent)'
set autoscale x
set title 'Critic T = log(p/q) + c  (p = N(0,1), q = N(1,1.5^2))'
set xlabel 'shift c'
set ylabel 'R1[T], R2[T] and KL(p||q)'
set key bottom center
set yrange [-0.6:0.5]
plot datafile index 2 using 1:3 with lines ls 1 title 'R2 = E_p[T] - log E_q[e^T]', \
     '' index 2 using 1:2 with lines ls 2 title 'R1 = E_p[T] - E_q[e^{T-1}]', \
     '' index 2 using 1:4 with lines ls 7 title 'KL(p||q)'
set title 'Critic T = 1 + log(p/q) + ε sin(1.5x)'
set xlabel 'perturbation ε'
plot datafile index 3 using 1:3 with lines ls 1 title 'R2', \
     '' index 3 using 1:2 with lines ls 2 title 'R1', \
     '' index 3 using 1:4 with lines ls 7 title 'KL(p||q)'
unset multiplot
unset output
