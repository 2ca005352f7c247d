using BzPeer.Explorer.Cli;
using Microsoft.Extensions.Time.Testing;

namespace BzPeer.Explorer.Tests.Cli;

public class CommandOutputTests
{
    [Fact]
    public void On_a_terminal_the_progress_line_is_redrawn_in_place_and_cleared_before_other_output()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var time = new FakeTimeProvider();
        using (var console = new CommandOutput(output, errors, showProgress: true, time))
        {
            var done = 41;
            console.StartProgress(() => $"working: {++done} records");
            Assert.Equal("", errors.ToString());
            time.Advance(TimeSpan.FromSeconds(1));
            Assert.Contains("\rworking: 42 records", errors.ToString());
            console.Problem("bad input: x");
            console.StopProgress();
        }

        var shown = errors.ToString();
        Assert.Contains("\rworking: 42 records", shown);
        Assert.EndsWith("bad input: x" + Environment.NewLine, shown);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public void Redirected_output_gets_no_progress_line()
    {
        var errors = new StringWriter();
        var time = new FakeTimeProvider();
        using (var console = new CommandOutput(TextWriter.Null, errors, showProgress: false, time))
        {
            console.StartProgress(() => "working");
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal("", errors.ToString());
    }

    [Theory]
    [InlineData(0, 100, "")]
    [InlineData(50, 100, " · 50% · 0:10 left")]
    public void The_share_done_and_time_left_follow_from_the_progress_so_far(long done, long total, string expected) =>
        Assert.Equal(expected, CommandOutput.Rate(done, total, TimeSpan.FromSeconds(10)));
}
