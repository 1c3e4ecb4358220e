using System.Globalization;
using System.Text.Json;
using Kizuki.Lifetime;

namespace Kizuki.Bench;

/// <summary>
/// <c>cdnow</c>: the BG/NBD, Pareto/NBD and Gamma-Gamma fits on the CDNOW 1/10 sample (2,357 customers, 39-week calibration
/// to 1997-09-30, in weeks), as JSON beside the published parameters and log-likelihoods of the shared data's README.
/// </summary>
internal static class CdnowAccuracy
{
    public static int Run(string[] args)
    {
        var shared = TrainingSetExport.Arg(args, "--shared") ?? Path.Combine("..", "shared", "data");
        var path = Path.Combine(shared, "cdnow", "CDNOW_sample.txt");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: CDNOW のサンプルがありません / the CDNOW sample is missing (--shared DIR)", path);
        }

        var purchases = File.ReadLines(path).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(f => f.Length == 5)
            .Select(f => new Purchase(f[1], DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToArray();
        var summaries = CustomerSummaries.FromPurchases(purchases, new DateOnly(1997, 9, 30), TimePeriod.Week);
        var bg = BgNbdModel.Fit(summaries, TimePeriod.Week);
        var pareto = ParetoNbdModel.Fit(summaries, TimePeriod.Week);
        var gg = GammaGammaModel.Fit(summaries);
        var result = new
        {
            customers = summaries.Count,
            bgNbd = new
            {
                ours = new { r = bg.R, alpha = bg.Alpha, a = bg.A, b = bg.B, logLikelihood = bg.LogLikelihood },
                published = new { r = 0.2425945, alpha = 4.4136019, a = 0.7929199, b = 2.4258881, logLikelihood = -9582.429 },
            },
            paretoNbd = new
            {
                ours = new { r = pareto.R, alpha = pareto.Alpha, s = pareto.S, beta = pareto.Beta, logLikelihood = pareto.LogLikelihood },
                published = new { r = 0.55315, alpha = 10.57633, s = 0.60625, beta = 11.67150, logLikelihood = -9594.976 },
            },
            gammaGamma = new
            {
                ours = new { p = gg.P, q = gg.Q, gamma = gg.Gamma, logLikelihood = gg.LogLikelihood },
                published = new { p = 6.25, q = 3.74, gamma = 15.44, logLikelihood = -4055.918 },
            },
        };
        Console.WriteLine(JsonSerializer.Serialize(result, TrainingSetExport.Indented));
        return 0;
    }
}
