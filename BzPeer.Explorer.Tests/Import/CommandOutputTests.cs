using BzPeer.Explorer.Import;

namespace BzPeer.Explorer.Tests.Import;

public class CommandOutputTests
{
    [Fact]
    public async Task On_a_terminal_the_progress_line_is_redrawn_in_place_and_cleared_before_other_output()
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        using (var console = new CommandOutput(output, errors, showProgress: true))
        {
            console.StartProgress(() => "working: 42 records");
            // The line is redrawn every 250 ms; a busy machine may take longer to get round to it.
            for (var waited = 0; waited < 10_000 && !errors.ToString().Contains("working"); waited += 50) await Task.Delay(50);
            console.Problem("bad input: x");
            console.StopProgress();
        }

        var shown = errors.ToString();
        Assert.Contains("\rworking: 42 records", shown);
        Assert.EndsWith("bad input: x" + Environment.NewLine, shown);
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task Redirected_output_gets_no_progress_line()
    {
        var errors = new StringWriter();
        using (var console = new CommandOutput(TextWriter.Null, errors, showProgress: false))
        {
            console.StartProgress(() => "working");
            await Task.Delay(400);
        }

        Assert.Equal("", errors.ToString());
    }

    [Theory]
    [InlineData(0, 100, "")]
    [InlineData(50, 100, " · 50% · 0:10 left")]
    public void The_share_done_and_time_left_follow_from_the_progress_so_far(long done, long total, string expected) =>
        Assert.Equal(expected, CommandOutput.Rate(done, total, TimeSpan.FromSeconds(10)));
}
