namespace BzPeer.Explorer.Graph;

/// <summary>Moving between nodes with the arrow keys: the nearest node in the direction pressed, straight ahead before aside.</summary>
public static class KeyboardNavigation
{
    public enum Direction { Left, Right, Up, Down }

    public static bool TryParse(string key, out Direction direction)
    {
        (var known, direction) = key switch
        {
            "ArrowLeft" => (true, Direction.Left),
            "ArrowRight" => (true, Direction.Right),
            "ArrowUp" => (true, Direction.Up),
            "ArrowDown" => (true, Direction.Down),
            _ => (false, Direction.Left),
        };
        return known;
    }

    /// <summary>The node to move to from <paramref name="from"/>, or null when nothing lies that way.</summary>
    public static string? Next(Point2 from, IEnumerable<(string Id, Point2 Centre)> nodes, Direction direction)
    {
        string? best = null;
        var bestScore = double.MaxValue;
        foreach (var (id, centre) in nodes)
        {
            var (ahead, aside) = direction switch
            {
                Direction.Right => (centre.X - from.X, centre.Y - from.Y),
                Direction.Left => (from.X - centre.X, centre.Y - from.Y),
                Direction.Down => (centre.Y - from.Y, centre.X - from.X),
                _ => (from.Y - centre.Y, centre.X - from.X),
            };
            // Within the quarter that faces the direction; a step aside counts double.
            if (ahead <= 0.5 || Math.Abs(aside) > ahead * 2) continue;
            var score = ahead + 2 * Math.Abs(aside);
            if (score < bestScore || (score == bestScore && string.CompareOrdinal(id, best) < 0))
            {
                best = id;
                bestScore = score;
            }
        }
        return best;
    }
}
