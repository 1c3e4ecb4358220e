using Kizuki.Bench;

return args switch
{
    ["models", .. var rest] => ModelsBenchmark.Run(rest),
    ["live", .. var rest] => LiveBenchmark.Run(rest),
    ["trees", .. var rest] => TreesBenchmark.Run(rest),
    ["batch", .. var rest] => BatchBenchmark.Run(rest),
    ["lifetime", .. var rest] => LifetimeBenchmark.Run(rest),
    ["livescore", .. var rest] => LiveScoreBenchmark.Run(rest),
    ["scoresdb", .. var rest] => ScoreStoreBenchmark.Run(rest),
    ["web", .. var rest] => WebBenchmark.Run(rest),
    ["trainset", .. var rest] => TrainingSetExport.Run(rest),
    ["fitcsv", .. var rest] => SameSetFit.Run(rest),
    ["cdnow", .. var rest] => CdnowAccuracy.Run(rest),
    ["retail", .. var rest] => RetailBenchmark.Run(rest),
    ["jitter", .. var rest] => JitterBenchmark.Run(rest),
    ["oraclegap", .. var rest] => OracleGap.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Kizuki.Bench models [--train-rows N] [--score-rows N] [--columns N] [--threads N]");
    Console.Error.WriteLine("       Kizuki.Bench live --data-dir DIR   (a data directory made by kizuki demo)");
    Console.Error.WriteLine("       Kizuki.Bench trees [--train-rows N] [--score-rows N] [--shap-rows N] [--native-shap-rows N]");
    Console.Error.WriteLine("       Kizuki.Bench batch --data-dir DIR [--rounds N]   (CPU per phase of the batch feature evaluator, one worker)");
    Console.Error.WriteLine("       Kizuki.Bench livescore --data-dir DIR [--days N] [--batch N] [--rate N] [--warmup N] [--explain true|false]   (live path: events/s, ack→score latency)");
    Console.Error.WriteLine("       Kizuki.Bench scoresdb [--customers N] [--as-ofs N] [--rows N] [--group N] [--schema N] [--migrate true]   (storing scores: µs/row insert and commit)");
    Console.Error.WriteLine("       Kizuki.Bench lifetime [--customers N] [--shared DIR]   (1M summaries, CDNOW fits, Online Retail holdout)");
    Console.Error.WriteLine("       Kizuki.Bench web [--customers N] [--rounds N]   (dashboard API over HTTP at 100,000 scored customers; PBKDF2 cost)");
    Console.Error.WriteLine("       Kizuki.Bench trainset --data-dir DIR --out FILE.csv [--truth DIR]   (the labelled training set of kizuki train as CSV; oracle AUC on a demo)");
    Console.Error.WriteLine("       Kizuki.Bench oraclegap --data-dir DIR [--truth DIR]   (a saas demo: the model against oracles that know only the cutoff, by episode stage; trees on the true probabilities)");
    Console.Error.WriteLine("       Kizuki.Bench fitcsv --csv FILE.csv [--leaves N]   (our trees on that CSV, time split as ChurnTrainer: fit, score, AUC)");
    Console.Error.WriteLine("       Kizuki.Bench retail [--shared DIR] [--json]   (Online Retail through the store: BTYD holdout, churn AUC with and without lifetime features)");
    Console.Error.WriteLine("       Kizuki.Bench jitter [--seconds N] [--threads N]   (pauses the machine itself imposes on spinning threads: steal, interrupts)");
    Console.Error.WriteLine("       Kizuki.Bench cdnow [--shared DIR]   (CDNOW BG/NBD, Pareto/NBD, Gamma-Gamma fits against the published values, JSON)");
    return 2;
}
