namespace Batuta.ML.Internal;

/// <summary>
/// The Moré-Thuente line search (MINPACK-2 <c>dcsrch</c>/<c>dcstep</c>) exactly as L-BFGS-B 3.0 in
/// SciPy runs it: reverse communication, one trial step per call, same safeguards and tests, so the
/// optimiser takes the same steps scikit-learn's does.
/// </summary>
internal sealed class MoreThuenteSearch(double ftol, double gtol, double xtol, double stpmin, double stpmax)
{
    private const double P5 = 0.5, P66 = 0.66, XtrapL = 1.1, XtrapU = 4.0;
    private bool _brackt;
    private int _stage;
    private double _ginit, _gtest, _gx, _gy, _finit, _fx, _fy, _stx, _sty, _stmin, _stmax, _width, _width1;

    public enum Task { FunctionAndGradient, Convergence, Warning, Error }

    /// <summary>Starts a search from f(0), f'(0) with the initial trial step; returns the first step to evaluate.</summary>
    public Task Start(double f, double g, ref double stp)
    {
        if (stp < stpmin || stp > stpmax || g >= 0 || ftol < 0 || gtol < 0 || xtol < 0 || stpmin < 0 || stpmax < stpmin) return Task.Error;
        _brackt = false;
        _stage = 1;
        _finit = f;
        _ginit = g;
        _gtest = ftol * _ginit;
        _width = stpmax - stpmin;
        _width1 = _width / P5;
        _stx = 0;
        _fx = _finit;
        _gx = _ginit;
        _sty = 0;
        _fy = _finit;
        _gy = _ginit;
        _stmin = 0;
        _stmax = stp + XtrapU * stp;
        return Task.FunctionAndGradient;
    }

    /// <summary>Takes f(stp), f'(stp); returns convergence, a warning (stp is the best point) or the next step to evaluate.</summary>
    public Task Next(double f, double g, ref double stp)
    {
        Task task = Task.FunctionAndGradient;
        double ftest = _finit + stp * _gtest;
        if (_stage == 1 && f <= ftest && g >= 0) _stage = 2;

        if (_brackt && (stp <= _stmin || stp >= _stmax)) task = Task.Warning;
        if (_brackt && _stmax - _stmin <= xtol * _stmax) task = Task.Warning;
        if (FloatExact.AreEqual(stp, stpmax) && f <= ftest && g <= _gtest) task = Task.Warning;
        if (FloatExact.AreEqual(stp, stpmin) && (f > ftest || g >= _gtest)) task = Task.Warning;
        if (f <= ftest && Math.Abs(g) <= gtol * (-_ginit)) task = Task.Convergence;
        if (task is Task.Warning or Task.Convergence) return task;

        if (_stage == 1 && f <= _fx && f > ftest)
        {
            double fm = f - stp * _gtest;
            double fxm = _fx - _stx * _gtest;
            double fym = _fy - _sty * _gtest;
            double gm = g - _gtest;
            double gxm = _gx - _gtest;
            double gym = _gy - _gtest;
            Step(ref _stx, ref fxm, ref gxm, ref _sty, ref fym, ref gym, ref stp, fm, gm, ref _brackt, _stmin, _stmax);
            _fx = fxm + _stx * _gtest;
            _fy = fym + _sty * _gtest;
            _gx = gxm + _gtest;
            _gy = gym + _gtest;
        }
        else
        {
            Step(ref _stx, ref _fx, ref _gx, ref _sty, ref _fy, ref _gy, ref stp, f, g, ref _brackt, _stmin, _stmax);
        }

        if (_brackt)
        {
            if (Math.Abs(_sty - _stx) >= P66 * _width1) stp = _stx + P5 * (_sty - _stx);
            _width1 = _width;
            _width = Math.Abs(_sty - _stx);
        }
        if (_brackt)
        {
            _stmin = Math.Min(_stx, _sty);
            _stmax = Math.Max(_stx, _sty);
        }
        else
        {
            _stmin = stp + XtrapL * (stp - _stx);
            _stmax = stp + XtrapU * (stp - _stx);
        }
        stp = Math.Max(stp, stpmin);
        stp = Math.Min(stp, stpmax);
        if ((_brackt && (stp <= _stmin || stp >= _stmax)) || (_brackt && _stmax - _stmin <= xtol * _stmax)) stp = _stx;
        return Task.FunctionAndGradient;
    }

    private static void Step(ref double stx, ref double fx, ref double dx, ref double sty, ref double fy, ref double dy,
        ref double stp, double fp, double dp, ref bool brackt, double stpmin, double stpmax)
    {
        double sgnd = dp * (dx / Math.Abs(dx));
        double stpf, stpc, stpq, theta, s, gamma, p, q, r;
        if (fp > fx)
        {
            theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            s = Max3(Math.Abs(theta), Math.Abs(dx), Math.Abs(dp));
            gamma = s * Math.Sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
            if (stp < stx) gamma = -gamma;
            p = (gamma - dx) + theta;
            q = ((gamma - dx) + gamma) + dp;
            r = p / q;
            stpc = stx + r * (stp - stx);
            stpq = stx + ((dx / ((fx - fp) / (stp - stx) + dx)) / 2.0) * (stp - stx);
            stpf = Math.Abs(stpc - stx) < Math.Abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2.0;
            brackt = true;
        }
        else if (sgnd < 0)
        {
            theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            s = Max3(Math.Abs(theta), Math.Abs(dx), Math.Abs(dp));
            gamma = s * Math.Sqrt((theta / s) * (theta / s) - (dx / s) * (dp / s));
            if (stp > stx) gamma = -gamma;
            p = (gamma - dp) + theta;
            q = ((gamma - dp) + gamma) + dx;
            r = p / q;
            stpc = stp + r * (stx - stp);
            stpq = stp + (dp / (dp - dx)) * (stx - stp);
            stpf = Math.Abs(stpc - stp) > Math.Abs(stpq - stp) ? stpc : stpq;
            brackt = true;
        }
        else if (Math.Abs(dp) < Math.Abs(dx))
        {
            theta = 3.0 * (fx - fp) / (stp - stx) + dx + dp;
            s = Max3(Math.Abs(theta), Math.Abs(dx), Math.Abs(dp));
            gamma = s * Math.Sqrt(Math.Max(0, (theta / s) * (theta / s) - (dx / s) * (dp / s)));
            if (stp > stx) gamma = -gamma;
            p = (gamma - dp) + theta;
            q = (gamma + (dx - dp)) + gamma;
            r = p / q;
            if (r < 0 && gamma != 0) stpc = stp + r * (stx - stp);
            else if (stp > stx) stpc = stpmax;
            else stpc = stpmin;
            stpq = stp + (dp / (dp - dx)) * (stx - stp);
            if (brackt)
            {
                stpf = Math.Abs(stpc - stp) < Math.Abs(stpq - stp) ? stpc : stpq;
                stpf = stp > stx ? Math.Min(stp + P66 * (sty - stp), stpf) : Math.Max(stp + P66 * (sty - stp), stpf);
            }
            else
            {
                stpf = Math.Abs(stpc - stp) > Math.Abs(stpq - stp) ? stpc : stpq;
                stpf = Math.Min(stpmax, stpf);
                stpf = Math.Max(stpmin, stpf);
            }
        }
        else
        {
            if (brackt)
            {
                theta = 3.0 * (fp - fy) / (sty - stp) + dy + dp;
                s = Max3(Math.Abs(theta), Math.Abs(dy), Math.Abs(dp));
                gamma = s * Math.Sqrt((theta / s) * (theta / s) - (dy / s) * (dp / s));
                if (stp > sty) gamma = -gamma;
                p = (gamma - dp) + theta;
                q = ((gamma - dp) + gamma) + dy;
                r = p / q;
                stpc = stp + r * (sty - stp);
                stpf = stpc;
            }
            else if (stp > stx)
            {
                stpf = stpmax;
            }
            else
            {
                stpf = stpmin;
            }
        }

        if (fp > fx)
        {
            sty = stp;
            fy = fp;
            dy = dp;
        }
        else
        {
            if (sgnd < 0)
            {
                sty = stx;
                fy = fx;
                dy = dx;
            }
            stx = stp;
            fx = fp;
            dx = dp;
        }
        stp = stpf;
    }

    // Fortran's max(a, b, c): NaN handling is irrelevant here, the arguments are finite.
    private static double Max3(double a, double b, double c) => Math.Max(Math.Max(a, b), c);
}
