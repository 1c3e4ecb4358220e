namespace Kizuki.Lifetime;

public sealed partial record ParetoNbdModel
{
    /// <inheritdoc/>
    /// <remarks>
    /// <para>Given the history, a customer alive at T has independent rates λ ~ Gamma(r', α') and μ ~ Gamma(s, β') with
    /// r' = r + x, α' = α + T, β' = β + T. Such a customer buys in the window when the first purchase (after an
    /// Exp(λ) wait) comes before both the window's end and the dropout (after an Exp(μ) wait), so
    /// P(any | alive) = ∫₀^H E[λ e^(−λu)] E[e^(−μu)] du = ∫₀^H (r'/α') (α'/(α'+u))^(r'+1) (β'/(β'+u))^s du.</para>
    /// <para>Expanding the smaller of the two bases around the larger (as in the likelihood's A₀ term) turns the integral
    /// into two ₂F₁ values with argument in [0, 1): for α' ≥ β', with F(z) = ₂F₁(s, r'+s; r'+s+1; z),
    /// P(any | alive) = r'/(r'+s) (β'/α')^s [F((α'−β')/α') − (α'/(α'+H))^(r'+s) F((α'−β')/(α'+H))]; for β' &gt; α' the same with
    /// the roles swapped and F(y) = ₂F₁(r'+1, r'+s; r'+s+1; y). The answer is 1 − P(alive) · P(any | alive). As s → 0
    /// it tends to the negative binomial's 1 − (α'/(α'+H))^r'.</para>
    /// </remarks>
    public double ProbabilityNoPurchase(double horizon, int frequency, double recency, double age)
    {
        if (horizon <= 0)
        {
            return 1;
        }

        if (S == 0)
        {
            return NoDropoutLimit.ProbabilityNoPurchase(R, Alpha, horizon, frequency, age);
        }

        var any = PurchaseIfAlive(R + frequency, Alpha + age, S, Beta + age, horizon);
        return 1 - (ProbabilityAlive(frequency, recency, age) * Math.Clamp(any, 0, 1));
    }

    /// <summary>P(at least one purchase within <paramref name="horizon"/>) of a live customer with posterior Gamma(r', α') and Gamma(s, β').</summary>
    internal static double PurchaseIfAlive(double r, double alpha, double s, double beta, double horizon)
    {
        var k = r + s;
        var share = r / k;
        if (alpha >= beta)
        {
            var gap = alpha - beta;
            var tail = Math.Exp(k * Math.Log(alpha / (alpha + horizon)));
            var start = Hypergeometric.F21(s, k, k + 1, gap / alpha);
            var end = Hypergeometric.F21(s, k, k + 1, gap / (alpha + horizon));
            return share * Math.Exp(s * Math.Log(beta / alpha)) * (start - (tail * end));
        }
        else
        {
            var gap = beta - alpha;
            var tail = Math.Exp(k * Math.Log(beta / (beta + horizon)));
            var start = Hypergeometric.F21(r + 1, k, k + 1, gap / beta);
            var end = Hypergeometric.F21(r + 1, k, k + 1, gap / (beta + horizon));
            return share * Math.Exp(r * Math.Log(alpha / beta)) * (start - (tail * end));
        }
    }
}
