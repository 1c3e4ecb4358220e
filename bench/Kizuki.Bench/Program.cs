using Kizuki.Bench;

return args switch
{
    ["models", .. var rest] => ModelsBenchmark.Run(rest),
    ["live", .. var rest] => LiveBenchmark.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Kizuki.Bench models [--train-rows N] [--score-rows N] [--columns N] [--threads N]");
    Console.Error.WriteLine("       Kizuki.Bench live --data-dir DIR   (a data directory made by kizuki demo)");
    return 2;
}
