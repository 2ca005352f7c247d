namespace BzPeer.Explorer.Graph;

public readonly record struct Point2(double X, double Y);

/// <summary>
/// Deterministic force-directed placement of new nodes around the node that brought them. Nodes already placed
/// never move; new ones start on arcs facing away from the rest of the graph (grouped by kind), relax among
/// themselves under springs and repulsion, and each finally takes the free spot nearest to where it came to rest.
/// </summary>
public static class GraphLayout
{
    /// <summary>Every node is drawn as a box of this size (fixed, so the browser never has to measure it).</summary>
    public const double NodeWidth = 184;
    public const double NodeHeight = 46;

    /// <summary>The clearance kept between two boxes.</summary>
    public const double Gap = 12;

    /// <summary>Screens and panels are wider than tall and so are the boxes: the graph is laid out as a flattened circle.</summary>
    private const double Flattening = 0.6;

    private const double FirstRingRadius = 215;
    private const double RingSpacing = 120;
    private const double SpringLength = 195;
    private const int Iterations = 80;

    public static Dictionary<string, Point2> PlaceNew(
        IReadOnlyDictionary<string, Point2> placed, IReadOnlyList<GraphNode> newNodes, IEnumerable<GraphEdge> edges, string? anchorId)
    {
        var result = new Dictionary<string, Point2>(newNodes.Count);
        if (newNodes.Count == 0) return result;

        var random = new Random(StableHash(anchorId ?? newNodes[0].Id) ^ newNodes.Count);
        var anchor = anchorId is not null && placed.TryGetValue(anchorId, out var a) ? a : new Point2(0, 0);
        var positions = InitialArcs(placed, newNodes, anchorId, anchor, random);
        Relax(placed, newNodes, edges, anchor, positions);
        RemoveOverlaps(placed, newNodes, anchor, positions, result);
        return result;
    }

    /// <summary>True when the two centres' boxes, with the gap between them, intersect.</summary>
    public static bool Overlaps(Point2 a, Point2 b) =>
        Math.Abs(a.X - b.X) < NodeWidth + Gap && Math.Abs(a.Y - b.Y) < NodeHeight + Gap;

    /// <summary>FNV-1a: a hash that is the same in every process (string.GetHashCode is not).</summary>
    public static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text) hash = (hash ^ c) * 16777619;
            return hash & 0x7fffffff;
        }
    }

    private static Point2[] InitialArcs(IReadOnlyDictionary<string, Point2> placed, IReadOnlyList<GraphNode> newNodes, string? anchorId, Point2 anchor, Random random)
    {
        // Face away from the centre of what is already drawn, so the graph grows outward.
        double sumX = 0, sumY = 0;
        var others = 0;
        foreach (var (id, point) in placed)
        {
            if (id == anchorId) continue;
            sumX += point.X;
            sumY += point.Y;
            others++;
        }
        var outward = others == 0
            ? random.NextDouble() * 2 * Math.PI
            : Math.Atan2(anchor.Y - sumY / others, anchor.X - sumX / others);
        var span = others == 0 ? 2 * Math.PI : Math.PI * 4 / 3;
        if (others > 0 && Math.Abs(anchor.X - sumX / others) + Math.Abs(anchor.Y - sumY / others) < 1) span = 2 * Math.PI;

        // Kinds together, so each kind takes its own sector.
        var order = Enumerable.Range(0, newNodes.Count).OrderBy(i => newNodes[i].FilterKind).ThenBy(i => i).ToArray();
        var positions = new Point2[newNodes.Count];
        var index = 0;
        for (var ring = 0; index < order.Length; ring++)
        {
            var radius = FirstRingRadius + ring * RingSpacing;
            var capacity = Math.Max(4, (int)(span * radius / (NodeWidth * 0.75)));
            var count = Math.Min(capacity, order.Length - index);
            for (var k = 0; k < count; k++, index++)
            {
                var fraction = span >= 2 * Math.PI ? (double)k / count : (k + 0.5) / count;
                var angle = outward - span / 2 + span * fraction + (random.NextDouble() - 0.5) * 0.05;
                positions[order[index]] = new Point2(anchor.X + radius * Math.Cos(angle), anchor.Y + radius * Math.Sin(angle) * Flattening);
            }
        }
        return positions;
    }

    private static void Relax(IReadOnlyDictionary<string, Point2> placed, IReadOnlyList<GraphNode> newNodes, IEnumerable<GraphEdge> edges, Point2 anchor, Point2[] positions)
    {
        var indexOf = new Dictionary<string, int>(newNodes.Count);
        for (var i = 0; i < newNodes.Count; i++) indexOf[newNodes[i].Id] = i;

        // Springs: each new node to its neighbours, placed or new.
        var springs = new List<(int Node, int OtherNew, Point2 OtherFixed)>();
        foreach (var edge in edges)
        {
            var sourceNew = indexOf.TryGetValue(edge.Source, out var s);
            var targetNew = indexOf.TryGetValue(edge.Target, out var t);
            if (sourceNew && targetNew) springs.Add((s, t, default));
            else if (sourceNew && placed.TryGetValue(edge.Target, out var tp)) springs.Add((s, -1, tp));
            else if (targetNew && placed.TryGetValue(edge.Source, out var sp)) springs.Add((t, -1, sp));
        }

        var fixedPoints = placed.Values.ToArray();
        // Few points: comparing every pair is cheaper than bucketing them; many: only those in the cells around.
        var fixedDirect = fixedPoints.Length <= 32;
        var newDirect = positions.Length <= 48;
        var fixedGrid = new CellIndex(RepulsionWidth, RepulsionHeight);
        if (!fixedDirect) fixedGrid.Fill(fixedPoints);
        var newGrid = new CellIndex(RepulsionWidth, RepulsionHeight);
        var n = positions.Length;
        var forceX = new double[n];
        var forceY = new double[n];
        // Big groups settle in fewer rounds (each costs more); so do groups joining a graph already drawn, which
        // holds them in place from outside and where finding free spots decides most of where they end up.
        var iterations = n > 100 || fixedPoints.Length > 1 ? Iterations * 5 / 16 : Iterations;

        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var temperature = 40.0 * (1 - (double)iteration / iterations) + 2;
            Array.Clear(forceX);
            Array.Clear(forceY);
            if (!newDirect) newGrid.Fill(positions);

            for (var i = 0; i < n; i++)
            {
                var p = positions[i];
                if (fixedDirect)
                    foreach (var q in fixedPoints) AddRepulsion(p, q, ref forceX[i], ref forceY[i]);
                else
                    fixedGrid.AddRepulsion(p, fixedPoints, -1, ref forceX[i], ref forceY[i]);
                if (newDirect)
                {
                    for (var j = 0; j < n; j++)
                        if (j != i) AddRepulsion(p, positions[j], ref forceX[i], ref forceY[i]);
                }
                else
                    newGrid.AddRepulsion(p, positions, i, ref forceX[i], ref forceY[i]);
                // A weak pull back to the expanded node keeps the new group together.
                forceX[i] += (anchor.X - p.X) * 0.004;
                forceY[i] += (anchor.Y - p.Y) * 0.004;
            }

            foreach (var (node, otherNew, otherFixed) in springs)
            {
                var other = otherNew >= 0 ? positions[otherNew] : otherFixed;
                var dx = other.X - positions[node].X;
                var dy = other.Y - positions[node].Y;
                // Vertical distance counts extra, which keeps the whole graph flat.
                var distance = Math.Max(1, Math.Sqrt(dx * dx + dy * dy / (Flattening * Flattening)));
                var pull = 0.03 * (distance - SpringLength) / distance;
                forceX[node] += dx * pull;
                forceY[node] += dy * pull;
                if (otherNew < 0) continue;
                forceX[otherNew] -= dx * pull;
                forceY[otherNew] -= dy * pull;
            }

            for (var i = 0; i < n; i++)
            {
                var length = Math.Sqrt(forceX[i] * forceX[i] + forceY[i] * forceY[i]);
                if (length < 1e-9) continue;
                var step = Math.Min(length, temperature) / length;
                positions[i] = new Point2(positions[i].X + forceX[i] * step, positions[i].Y + forceY[i] * step);
            }
        }
    }

    /// <summary>How far repulsion reaches: three box-shaped units (see <see cref="Repulsion"/>) each way.</summary>
    private const double RepulsionWidth = 3 * (NodeWidth + Gap);
    private const double RepulsionHeight = 3 * (NodeHeight + Gap * 3);

    /// <summary>
    /// Adds the push of <paramref name="q"/> on <paramref name="p"/>, measured in box-shaped units (a box width across, a
    /// box height plus some air down), so wide boxes keep apart sideways as much as vertically; beyond three units, none.
    /// </summary>
    private static void AddRepulsion(Point2 p, Point2 q, ref double forceX, ref double forceY)
    {
        var dx = (p.X - q.X) / (NodeWidth + Gap);
        var dy = (p.Y - q.Y) / (NodeHeight + Gap * 3);
        var distanceSquared = dx * dx + dy * dy;
        if (distanceSquared > 9) return;
        if (distanceSquared < 1e-6)
        {
            dx = 0.01;
            distanceSquared = 1e-4;
        }
        var strength = 110 / distanceSquared;
        var distance = Math.Sqrt(distanceSquared);
        forceX += dx / distance * strength;
        forceY += dy / distance * strength;
    }

    private static void RemoveOverlaps(IReadOnlyDictionary<string, Point2> placed, IReadOnlyList<GraphNode> newNodes, Point2 anchor, Point2[] positions, Dictionary<string, Point2> result)
    {
        var taken = new TakenSpots(placed.Values);

        // Nearest to the expanded node first, so it keeps the best places.
        var order = Enumerable.Range(0, positions.Length)
            .OrderBy(i => Math.Pow(positions[i].X - anchor.X, 2) + Math.Pow(positions[i].Y - anchor.Y, 2)).ThenBy(i => i);
        foreach (var i in order)
        {
            var spot = Round(taken.NearestFreeSpot(positions[i]));
            taken.Add(spot);
            result[newNodes[i].Id] = spot;
        }
    }

    private static Point2 Round(Point2 p) => new(Math.Round(p.X, 1), Math.Round(p.Y, 1));

    /// <summary>
    /// Indexes of points bucketed by cell, rebuilt in place each round (no allocation once warm), for "who is near
    /// here": the point's cell and the eight around it.
    /// </summary>
    private sealed class CellIndex(double cellWidth, double cellHeight)
    {
        private readonly Dictionary<long, List<int>> _cells = [];

        public void Fill(Point2[] points)
        {
            foreach (var list in _cells.Values) list.Clear();
            for (var i = 0; i < points.Length; i++)
            {
                var key = Key(Cell(points[i].X, cellWidth), Cell(points[i].Y, cellHeight));
                if (!_cells.TryGetValue(key, out var list)) _cells[key] = list = [];
                list.Add(i);
            }
        }

        public void AddRepulsion(Point2 p, Point2[] points, int self, ref double forceX, ref double forceY)
        {
            var cx = Cell(p.X, cellWidth);
            var cy = Cell(p.Y, cellHeight);
            for (var x = cx - 1; x <= cx + 1; x++)
            for (var y = cy - 1; y <= cy + 1; y++)
            {
                if (!_cells.TryGetValue(Key(x, y), out var list)) continue;
                foreach (var j in list)
                    if (j != self) GraphLayout.AddRepulsion(p, points[j], ref forceX, ref forceY);
            }
        }

        public static long Cell(double value, double size) => (long)Math.Floor(value / size);

        public static long Key(long x, long y) => (x << 32) ^ (y & 0xffffffff);
    }

    /// <summary>
    /// The boxes placed so far, sorted by height, for "the nearest spot to here where a box overlaps none". Rows half a
    /// box apart are tried outward from the wanted one, each by the gaps between the boxes it crosses, until no row left
    /// could hold a nearer spot. Distances count vertical moves extra, as the graph is flat.
    /// </summary>
    private sealed class TakenSpots
    {
        // A hair more than the overlap distances, so a spot next to a box still clears it once rounded.
        private const double ClearX = NodeWidth + Gap + 0.1;
        private const double ClearY = NodeHeight + Gap + 0.1;
        private const double RowStep = (NodeHeight + Gap) / 2;

        private readonly List<Point2> _byY;
        private readonly List<double> _rowBoxes = [];

        public TakenSpots(IEnumerable<Point2> points)
        {
            _byY = points.ToList();
            _byY.Sort((a, b) => a.Y.CompareTo(b.Y));
        }

        public void Add(Point2 point) => _byY.Insert(FirstAtOrBelow(point.Y), point);

        public Point2 NearestFreeSpot(Point2 wanted)
        {
            var best = wanted;
            var bestCost = double.MaxValue;
            for (var row = 0; row * RowStep / Flattening < bestCost; row++)
            {
                for (var side = row == 0 ? 1 : -1; side <= 1; side += 2)
                {
                    var dy = side * row * RowStep;
                    var x = NearestFreeX(wanted.X, wanted.Y + dy);
                    var cost = Math.Sqrt((x - wanted.X) * (x - wanted.X) + dy * dy / (Flattening * Flattening));
                    if (cost >= bestCost) continue;
                    bestCost = cost;
                    best = new Point2(x, wanted.Y + dy);
                }
            }
            return best;
        }

        /// <summary>The x nearest <paramref name="wanted"/> where a box in the row at <paramref name="y"/> clears every box crossing that row.</summary>
        private double NearestFreeX(double wanted, double y)
        {
            _rowBoxes.Clear();
            for (var i = FirstAtOrBelow(y - ClearY); i < _byY.Count && _byY[i].Y < y + ClearY; i++)
                if (Math.Abs(_byY[i].Y - y) < ClearY) _rowBoxes.Add(_byY[i].X);
            if (IsFree(wanted)) return wanted;
            var best = double.MaxValue;
            foreach (var box in _rowBoxes)
            {
                if (Math.Abs(box - ClearX - wanted) < Math.Abs(best - wanted) && IsFree(box - ClearX)) best = box - ClearX;
                if (Math.Abs(box + ClearX - wanted) < Math.Abs(best - wanted) && IsFree(box + ClearX)) best = box + ClearX;
            }
            return best;
        }

        private bool IsFree(double x)
        {
            foreach (var box in _rowBoxes)
                if (Math.Abs(x - box) < ClearX) return false;
            return true;
        }

        /// <summary>The index of the first point whose Y is at least <paramref name="y"/>.</summary>
        private int FirstAtOrBelow(double y)
        {
            int low = 0, high = _byY.Count;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (_byY[middle].Y < y) low = middle + 1;
                else high = middle;
            }
            return low;
        }
    }
}
