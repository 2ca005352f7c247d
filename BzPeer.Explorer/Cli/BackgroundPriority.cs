using System.Diagnostics;
using System.Runtime.InteropServices;

namespace BzPeer.Explorer.Cli;

/// <summary>
/// Lowers the CPU priority of a verb that runs beside a live app on the same machine (import, backup), so that the
/// app's circuits keep answering while it works; with nothing else running it is as fast (measured in
/// docs/benchmarks.md, "Load").
/// </summary>
public static class BackgroundPriority
{
    /// <summary>The nice value the verb runs at (Linux: 0 normal, 19 lowest).</summary>
    public const int Nice = 10;

    public static void Lower()
    {
        if (!OperatingSystem.IsLinux())
        {
            try
            {
                Process.GetCurrentProcess().PriorityClass = ProcessPriorityClass.BelowNormal;
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or PlatformNotSupportedException)
            {
                // Not allowed here: the verb runs at normal priority.
            }
            return;
        }
        // On Linux a nice value belongs to a thread, and new threads take their creator's: set it on every thread there
        // is, twice in case one was started meanwhile by a thread not yet lowered.
        for (var pass = 0; pass < 2; pass++)
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
                if (int.TryParse(Path.GetFileName(task), out var threadId))
                    _ = SetPriority(PriorityProcess, threadId, Nice);
    }

    private const int PriorityProcess = 0;

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);
}
