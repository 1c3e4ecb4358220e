using Kizuki.Bench;

return args switch
{
    ["models", .. var rest] => ModelsBenchmark.Run(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Kizuki.Bench models [--train-rows N] [--score-rows N] [--columns N] [--threads N]");
    return 2;
}
