using System.CommandLine;

namespace Kizuki.Cli;

/// <summary>The root of the <c>kizuki</c> command.</summary>
internal static class KizukiCommand
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("Kizuki (気づき): churn prediction and prevention for small and medium businesses.");
        return root.Parse(args).Invoke();
    }
}
