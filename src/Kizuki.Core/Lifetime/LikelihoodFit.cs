namespace Kizuki.Lifetime;

/// <summary>A model the data cannot identify, or a fit that failed; the message says which parameter and why.</summary>
public sealed class LifetimeFitException(string message) : InvalidOperationException(message);

/// <summary>How the lifetime models are fitted. Defaults work for day and week data alike.</summary>
/// <param name="LowerBound">Smallest value any parameter may take. Default 1e-6.</param>
/// <param name="UpperBound">Largest value any parameter may take. Default 1e6.</param>
/// <param name="MaxEvaluations">Likelihood evaluations (each with its gradient) per starting point. Default 150.</param>
public sealed record LifetimeFitOptions(double LowerBound = 1e-6, double UpperBound = 1e6, int MaxEvaluations = 150)
{
    /// <summary>The defaults.</summary>
    public static readonly LifetimeFitOptions Default = new();

    /// <summary>Throws naming the option when a value is out of range.</summary>
    public void Validate()
    {
        if (!(LowerBound > 0) || !(UpperBound > LowerBound) || double.IsInfinity(UpperBound))
        {
            throw new ArgumentOutOfRangeException(nameof(LowerBound), $"bounds must satisfy 0 < LowerBound < UpperBound < ∞, not {LowerBound}..{UpperBound}.");
        }

        if (MaxEvaluations < 50)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEvaluations), MaxEvaluations, "MaxEvaluations must be at least 50.");
        }
    }
}

/// <summary>The log-likelihood at the parameters; writes its gradient with respect to the logs of the parameters.</summary>
/// <param name="parameters">The parameters (not their logs).</param>
/// <param name="gradient">Receives ∂ℓ/∂ ln pᵢ = pᵢ ∂ℓ/∂pᵢ.</param>
internal delegate double LogLikelihoodWithGradient(double[] parameters, double[] gradient);

/// <summary>The best point a search found: parameters, log-likelihood, and the identification check it fails (null when none).</summary>
internal sealed record Optimum(double[] Parameters, double LogLikelihood, string? Problem);

/// <summary>Maximum likelihood over log-parameters within bounds: BFGS from several starts, then identification checks.</summary>
internal static class LikelihoodFit
{
    /// <summary>Stops BFGS once the gradient (in log-parameters) is this small.</summary>
    private const double GradientTolerance = 1e-6;

    /// <summary>Maximises <paramref name="logLikelihood"/>; returns the parameters and the maximum, or throws when the checks fail.</summary>
    /// <param name="model">The model's name, for messages.</param>
    /// <param name="names">Parameter names, for messages.</param>
    /// <param name="logLikelihood">The log-likelihood of the parameters (not their logs) and its gradient in their logs.</param>
    /// <param name="starts">Starting parameter vectors.</param>
    /// <param name="options">Bounds and effort.</param>
    public static (double[] Parameters, double LogLikelihood) Maximise(string model, string[] names, LogLikelihoodWithGradient logLikelihood,
        IReadOnlyList<double[]> starts, LifetimeFitOptions options)
    {
        var optimum = Search(model, names, logLikelihood, starts, options);
        if (optimum.Problem is not null)
        {
            throw new LifetimeFitException(optimum.Problem);
        }

        return (optimum.Parameters, optimum.LogLikelihood);
    }

    /// <summary>
    /// The best point from the starts and the first identification check it fails (<see cref="Optimum.Problem"/>, null
    /// when none); throws only when the likelihood cannot be evaluated from any start.
    /// </summary>
    public static Optimum Search(string model, string[] names, LogLikelihoodWithGradient logLikelihood,
        IReadOnlyList<double[]> starts, LifetimeFitOptions options)
    {
        options.Validate();
        var low = Math.Log(options.LowerBound);
        var high = Math.Log(options.UpperBound);
        var parameters = new double[names.Length];
        double Objective(double[] theta, double[] gradient)
        {
            for (var i = 0; i < theta.Length; i++)
            {
                if (!(theta[i] >= low && theta[i] <= high))
                {
                    return double.PositiveInfinity;
                }

                parameters[i] = Math.Exp(theta[i]);
            }

            var value = -logLikelihood(parameters, gradient);
            for (var i = 0; i < gradient.Length; i++)
            {
                gradient[i] = -gradient[i];
                if (!double.IsFinite(gradient[i]))
                {
                    return double.PositiveInfinity;
                }
            }

            return double.IsFinite(value) ? value : double.PositiveInfinity;
        }

        double[]? best = null;
        var bestValue = double.PositiveInfinity;
        foreach (var start in starts)
        {
            var (point, value, _) = Optimizer.Bfgs(Objective, start.Select(v => Math.Log(v)).ToArray(), options.MaxEvaluations, GradientTolerance);
            if (value < bestValue)
            {
                (best, bestValue) = (point, value);
            }
        }

        if (best is null || !double.IsFinite(bestValue))
        {
            throw new LifetimeFitException(
                $"{model}: どの初期値からも尤度を計算できませんでした。データを確認してください。 / {model}: the likelihood could not be evaluated from any starting point; check the data.");
        }

        var found = best.Select(v => Math.Exp(v)).ToArray();
        for (var i = 0; i < best.Length; i++)
        {
            if (best[i] - low < 1e-2 || high - best[i] < 1e-2)
            {
                return new Optimum(found, -bestValue,
                    $"{model}: パラメータ {names[i]} が上下限 ({Math.Exp(best[i]):G4}) に達しました。このデータではモデルを識別できません（リピート購入が少なすぎるか、購入頻度や離脱の早さが顧客間でほぼ同じです）。 / " +
                    $"{model}: parameter {names[i]} ran to its bound ({Math.Exp(best[i]):G4}); the data cannot identify the model (too few repeat purchases, or customers too alike in how often they buy or how soon they leave).");
            }
        }

        if (!Optimizer.IsPositiveDefinite(Optimizer.Hessian(Objective, best)))
        {
            return new Optimum(found, -bestValue,
                $"{model}: 最適点で尤度が平坦です。このデータではパラメータを一意に決められません。 / " +
                $"{model}: the likelihood is flat at the optimum; the data cannot pin the parameters down.");
        }

        return new Optimum(found, -bestValue, null);
    }

    /// <summary>Throws when the data hold too little to fit a purchase model.</summary>
    public static void RequireRepeaters(string model, SummaryData data)
    {
        if (data.Customers < 2 || data.Repeaters == 0)
        {
            throw new LifetimeFitException(
                $"{model}: 顧客 {data.Customers} 人、リピート購入のある顧客 {data.Repeaters} 人では推定できません（リピート購入のある顧客が必要です）。 / " +
                $"{model}: cannot fit with {data.Customers} customers of whom {data.Repeaters} bought again; the model needs repeat buyers.");
        }
    }
}
