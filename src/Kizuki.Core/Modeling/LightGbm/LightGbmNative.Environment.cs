using System.Runtime.InteropServices;

namespace Kizuki.Modeling.LightGbm;

/// <summary>Process settings LightGBM's OpenMP runtime reads once, when the native library is first loaded.</summary>
internal static unsafe partial class LightGbmNative
{
    /// <remarks>
    /// libgomp reads <c>OMP_WAIT_POLICY</c> when it is loaded, which happens on the first LightGBM call. Its default
    /// lets idle worker threads spin, which on a small machine shared with other work (the target here: two cores,
    /// a web app, a database) steals the very cores the other threads wait for; we measured training 4–5 times
    /// slower under load. Passive waiting is set before that first call unless the user has chosen a policy.
    /// .NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not reach the native
    /// environment on Unix, hence <c>setenv</c>.
    /// </remarks>
    static LightGbmNative()
    {
        if ((OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) && Environment.GetEnvironmentVariable("OMP_WAIT_POLICY") is null)
        {
            try
            {
                _ = SetEnvironment("OMP_WAIT_POLICY", "PASSIVE", 0);
            }
            catch (Exception error) when (error is DllNotFoundException or EntryPointNotFoundException)
            {
                // Only a speed setting: LightGBM works the same without it.
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}
