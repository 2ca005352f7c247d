using System.Diagnostics;
using System.Globalization;

namespace BzPeer.Explorer.Cli;

/// <summary>
/// Where a command-line verb writes: results to <see cref="Output"/>, problems to <see cref="Errors"/>, and, when
/// the error stream is a terminal, a progress line redrawn in place on it. Writers can be used from several threads.
/// </summary>
public sealed class CommandOutput : IDisposable
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);
    private readonly Lock _lock = new();
    private readonly bool _showProgress;
    private readonly TimeProvider _time;
    private ITimer? _timer;
    private Func<string>? _progress;
    private int _shownWidth;

    public CommandOutput(TextWriter output, TextWriter errors, bool showProgress, TimeProvider? time = null)
    {
        Output = output;
        Errors = errors;
        _showProgress = showProgress;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The console, with progress shown only when the error stream is a terminal.</summary>
    public static CommandOutput ForConsole() => new(Console.Out, Console.Error, showProgress: !Console.IsErrorRedirected);

    public TextWriter Output { get; }
    public TextWriter Errors { get; }

    public void Line(string text) => Write(Output, text);

    public void Problem(string text) => Write(Errors, text);

    /// <summary>Redraws <paramref name="describe"/>'s text a few times a second until <see cref="StopProgress"/>.</summary>
    public void StartProgress(Func<string> describe)
    {
        if (!_showProgress) return;
        lock (_lock) _progress = describe;
        _timer ??= _time.CreateTimer(_ => Redraw(), null, RedrawInterval, RedrawInterval);
    }

    public void StopProgress()
    {
        _timer?.Dispose();
        _timer = null;
        lock (_lock)
        {
            ClearProgress();
            _progress = null;
        }
    }

    public void Dispose() => StopProgress();

    private void Write(TextWriter writer, string text)
    {
        lock (_lock)
        {
            ClearProgress();
            writer.WriteLine(text);
            writer.Flush();
        }
    }

    private void Redraw()
    {
        lock (_lock)
        {
            if (_progress is null) return;
            var text = _progress();
            var width = Math.Max(20, SafeWindowWidth() - 1);
            if (text.Length > width) text = text[..width];
            Errors.Write('\r' + text.PadRight(_shownWidth));
            Errors.Flush();
            _shownWidth = text.Length;
        }
    }

    private void ClearProgress()
    {
        if (_shownWidth == 0) return;
        Errors.Write('\r' + new string(' ', _shownWidth) + '\r');
        Errors.Flush();
        _shownWidth = 0;
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 120;
        }
        catch (IOException)
        {
            return 120;
        }
    }

    /// <summary>"1:23" or "1:02:03" for a time left.</summary>
    public static string Duration(TimeSpan time) =>
        time.TotalHours >= 1 ? $"{(int)time.TotalHours}:{time.Minutes:00}:{time.Seconds:00}" : $"{time.Minutes}:{time.Seconds:00}";

    /// <summary>A rate and, when the total is known and some progress made, the share done and the time left.</summary>
    public static string Rate(long done, long total, Stopwatch clock) => Rate(done, total, clock.Elapsed);

    public static string Rate(long done, long total, TimeSpan elapsed)
    {
        var seconds = Math.Max(elapsed.TotalSeconds, 0.001);
        if (total <= 0 || done <= 0) return "";
        var share = Math.Min(1.0, (double)done / total);
        var left = TimeSpan.FromSeconds(seconds / share * (1 - share));
        return string.Create(CultureInfo.InvariantCulture, $" · {share * 100:0}% · {Duration(left)} left");
    }
}
