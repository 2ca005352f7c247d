namespace BzPeer.Explorer.Cli;

/// <summary>The folder relative paths on the command line are taken from.</summary>
public static class InvocationDirectory
{
    /// <summary>
    /// The current folder, except under <c>dotnet run</c>, which starts the app in its project folder; there the shell's
    /// PWD still names the folder the command was typed in.
    /// </summary>
    public static string Path()
    {
        var current = Directory.GetCurrentDirectory();
        var shell = Environment.GetEnvironmentVariable("PWD");
        var startedInProjectFolder = File.Exists(System.IO.Path.Combine(current, "BzPeer.Explorer.csproj"));
        return startedInProjectFolder && shell is not null && System.IO.Path.IsPathFullyQualified(shell) && Directory.Exists(shell) ? shell : current;
    }

    /// <summary>Paths as given, made absolute when they are relative to a folder other than the current one.</summary>
    public static List<string> Resolve(IEnumerable<string> paths)
    {
        var from = Path();
        return from == Directory.GetCurrentDirectory() ? paths.ToList() : paths.Select(p => System.IO.Path.GetFullPath(p, from)).ToList();
    }

    /// <summary>One path as given, made absolute from the invocation folder.</summary>
    public static string Full(string path) => System.IO.Path.GetFullPath(path, Path());
}
