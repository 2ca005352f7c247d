using System.Text;

namespace BzPeer.Explorer.Tests.Load;

/// <summary>
/// What a browser would show for one circuit, kept as the Blazor JS client keeps it: each component is a container whose
/// children are its top-level nodes; regions are flattened into their parent, element reference captures add no node.
/// Render batches from the server are applied to it with <see cref="Apply"/>; the load client reads buttons' event
/// handler ids and texts from it. Not thread-safe: the circuit applies and reads under one lock.
/// </summary>
public sealed class RenderedDom
{
    private readonly Dictionary<int, DomContainer> _components = [];

    public DomContainer Root { get; } = new();

    private readonly Dictionary<string, DomElement> _byClass = [];

    /// <summary>
    /// The first element with this class, remembered while it stays in the page: the client looks for the graph's notice
    /// at every render batch while it waits for an answer, and walking the page each time was most of its work.
    /// </summary>
    public DomElement? FirstWithClass(string name)
    {
        if (_byClass.TryGetValue(name, out var known) && known.IsUnder(Root) && known.HasClass(name)) return known;
        var found = Root.Descendants().FirstOrDefault(e => e.HasClass(name));
        if (found is null) _byClass.Remove(name);
        else _byClass[name] = found;
        return found;
    }

    /// <summary>A root component the server attached (JS.AttachComponent) to a place in the page.</summary>
    public void AttachRootComponent(int componentId) => Root.Insert(Root.Children.Count, _components[componentId] = new DomContainer());

    /// <summary>Applies one render batch in the server's binary format (RenderBatchWriter), as the JS client's renderBatch does.</summary>
    public void Apply(byte[] batch)
    {
        var reader = new BatchReader(batch);
        var referenceFrames = reader.ReferenceFrames;
        foreach (var (componentId, edits) in reader.UpdatedComponents())
        {
            if (!_components.TryGetValue(componentId, out var container))
                throw new InvalidDataException($"render batch updates component {componentId}, which is not on the page");
            ApplyEdits(reader, container, edits, referenceFrames);
        }
        foreach (var componentId in reader.DisposedComponentIds()) _components.Remove(componentId);
    }

    private void ApplyEdits(BatchReader reader, DomContainer parent, int edits, int referenceFrames)
    {
        var permutation = new List<(int From, int To)>();
        var count = reader.Int32(edits);
        for (var i = 0; i < count; i++)
        {
            var edit = edits + 4 + i * 16;
            var type = reader.Int32(edit);
            var sibling = reader.Int32(edit + 4);
            var frameIndex = reader.Int32(edit + 8);
            switch (type)
            {
                case 1: // prepend frame
                    InsertFrame(reader, parent, sibling, referenceFrames, frameIndex);
                    break;
                case 2: // remove frame
                    parent.RemoveAt(sibling);
                    break;
                case 3: // set attribute
                    ApplyAttribute(reader, (DomElement)parent.Children[sibling], referenceFrames + 4 + frameIndex * 20);
                    break;
                case 4: // remove attribute
                    var element = (DomElement)parent.Children[sibling];
                    var name = reader.String(reader.Int32(edit + 12))!;
                    element.Attributes.Remove(name);
                    element.RemoveEventHandler(name);
                    break;
                case 5: // update text
                    ((DomText)parent.Children[sibling]).Text = reader.String(reader.Int32(reader.Frame(referenceFrames, frameIndex) + 4)) ?? "";
                    break;
                case 6: // step in
                    parent = (DomContainer)parent.Children[sibling];
                    break;
                case 7: // step out
                    parent = parent.Parent!;
                    break;
                case 8: // update markup
                    parent.RemoveAt(sibling);
                    InsertFrame(reader, parent, sibling, referenceFrames, frameIndex);
                    break;
                case 9: // permutation list entry: frameIndex holds the sibling index to move to
                    permutation.Add((sibling, frameIndex));
                    break;
                case 10: // permutation list end
                    var moved = permutation.Select(p => (p.To, Node: parent.Children[p.From])).ToList();
                    foreach (var (to, node) in moved) parent.Children[to] = node;
                    permutation.Clear();
                    break;
                default:
                    throw new InvalidDataException($"unknown render tree edit type {type}");
            }
        }
    }

    /// <summary>Inserts the frame and its descendants at <paramref name="index"/>; returns how many nodes that added to the parent.</summary>
    private int InsertFrame(BatchReader reader, DomContainer parent, int index, int referenceFrames, int frameIndex)
    {
        var frame = reader.Frame(referenceFrames, frameIndex);
        switch (reader.Int32(frame))
        {
            case 1: // element
                var element = new DomElement(reader.String(reader.Int32(frame + 8))!);
                parent.Insert(index, element);
                var end = frameIndex + reader.Int32(frame + 4);
                var child = frameIndex + 1;
                for (; child < end && reader.Int32(reader.Frame(referenceFrames, child)) == 3; child++)
                    ApplyAttribute(reader, element, reader.Frame(referenceFrames, child));
                InsertFrameRange(reader, element, 0, referenceFrames, child, end);
                return 1;
            case 2: // text
                parent.Insert(index, new DomText(reader.String(reader.Int32(frame + 4)) ?? ""));
                return 1;
            case 4: // component: its content comes in its own diff later in the batch
                var component = new DomContainer();
                _components[reader.Int32(frame + 8)] = component;
                parent.Insert(index, component);
                return 1;
            case 5: // region
                return InsertFrameRange(reader, parent, index, referenceFrames, frameIndex + 1, frameIndex + reader.Int32(frame + 4));
            case 6: // element reference capture
                ((DomElement)parent).Attributes["_bl_" + reader.String(reader.Int32(frame + 4))] = "";
                return 0;
            case 8: // markup
                parent.Insert(index, new DomText(reader.String(reader.Int32(frame + 4)) ?? "", isMarkup: true));
                return 1;
            case 10: // named event: nothing on the client
                return 0;
            default:
                throw new InvalidDataException($"unexpected render tree frame type {reader.Int32(frame)} at frame {frameIndex}");
        }
    }

    private int InsertFrameRange(BatchReader reader, DomContainer parent, int index, int referenceFrames, int start, int end)
    {
        var first = index;
        for (var frameIndex = start; frameIndex < end; frameIndex++)
        {
            index += InsertFrame(reader, parent, index, referenceFrames, frameIndex);
            var frame = reader.Frame(referenceFrames, frameIndex);
            if (reader.Int32(frame) is 1 or 4 or 5) frameIndex += reader.Int32(frame + 4) - 1;
        }
        return index - first;
    }

    private static void ApplyAttribute(BatchReader reader, DomElement element, int frame)
    {
        var name = reader.String(reader.Int32(frame + 4))!;
        var handler = reader.UInt64(frame + 12);
        if (handler != 0) element.SetEventHandler(name, handler);
        else element.Attributes[name] = reader.String(reader.Int32(frame + 8));
    }

    /// <summary>Reads the batch from its end: the last five int32s locate the sections (as OutOfProcessRenderBatch reads them).</summary>
    private readonly struct BatchReader(byte[] data)
    {
        private readonly int _stringTable = StringTableStart(data);

        // Each string decoded once a batch: the table holds a name such as "class" once, and every frame refers to it.
        // The table's entries run from its start to the five int32s that end the batch.
        private readonly string?[] _strings = new string?[(data.Length - 20 - StringTableStart(data)) / 4];

        private static int StringTableStart(byte[] data) => BitConverter.ToInt32(data, data.Length - 4);

        public int ReferenceFrames => Int32(data.Length - 16);

        public int Int32(int position) => BitConverter.ToInt32(data, position);

        public ulong UInt64(int position) => BitConverter.ToUInt64(data, position);

        public int Frame(int referenceFrames, int index) => referenceFrames + 4 + index * 20;

        public IEnumerable<(int ComponentId, int Edits)> UpdatedComponents()
        {
            var range = Int32(data.Length - 20);
            for (var i = 0; i < Int32(range); i++)
            {
                var diff = Int32(range + 4 + i * 4);
                yield return (Int32(diff), diff + 4);
            }
        }

        public IEnumerable<int> DisposedComponentIds()
        {
            var range = Int32(data.Length - 12);
            for (var i = 0; i < Int32(range); i++) yield return Int32(range + 4 + i * 4);
        }

        /// <summary>Strings are LEB128-length-prefixed UTF-8 (BinaryWriter's format); -1 stands for null.</summary>
        public string? String(int index)
        {
            if (index == -1) return null;
            if (_strings[index] is { } known) return known;
            var position = Int32(_stringTable + index * 4);
            var length = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = data[position++];
                length |= (b & 0x7F) << shift;
                if (b < 0x80) break;
            }
            return _strings[index] = Encoding.UTF8.GetString(data, position, length);
        }
    }
}

public abstract class DomNode
{
    public DomContainer? Parent { get; set; }
}

/// <summary>A text node, or a markup frame's raw HTML (which the client does not parse).</summary>
public sealed class DomText(string text, bool isMarkup = false) : DomNode
{
    public string Text { get; set; } = text;

    public bool IsMarkup { get; } = isMarkup;
}

/// <summary>A component's place in the page, or (as <see cref="DomElement"/>) an element.</summary>
public class DomContainer : DomNode
{
    public List<DomNode> Children { get; } = [];

    public void Insert(int index, DomNode node)
    {
        node.Parent = this;
        Children.Insert(index, node);
    }

    public void RemoveAt(int index)
    {
        Children[index].Parent = null;
        Children.RemoveAt(index);
    }

    /// <summary>Whether this node is still in the page under <paramref name="root"/> (a removed node loses its parent).</summary>
    public bool IsUnder(DomContainer root)
    {
        for (DomContainer? node = this; node is not null; node = node.Parent)
            if (ReferenceEquals(node, root)) return true;
        return false;
    }

    /// <summary>
    /// The elements below, in document order. Walked with a stack of positions: nested iterators cost a step per level
    /// for every element, and the load client walks a page of ~2,000 elements at every render batch.
    /// </summary>
    public IEnumerable<DomElement> Descendants()
    {
        var path = new Stack<(DomContainer Container, int Next)>();
        var (container, next) = (this, 0);
        while (true)
        {
            if (next == container.Children.Count)
            {
                if (path.Count == 0) yield break;
                (container, next) = path.Pop();
                continue;
            }
            var child = container.Children[next++];
            if (child is DomElement element) yield return element;
            if (child is DomContainer { Children.Count: > 0 } inner)
            {
                path.Push((container, next));
                (container, next) = (inner, 0);
            }
        }
    }

    /// <summary>The text a browser's textContent would give (markup counted as its source).</summary>
    public string TextContent()
    {
        var text = new StringBuilder();
        AppendText(text);
        return text.ToString();
    }

    private void AppendText(StringBuilder text)
    {
        foreach (var child in Children)
        {
            if (child is DomText t) text.Append(t.Text);
            else if (child is DomContainer container) container.AppendText(text);
        }
    }
}

public sealed class DomElement(string name) : DomContainer
{
    public string Name { get; } = name;

    public Dictionary<string, string?> Attributes { get; } = [];

    private Dictionary<string, ulong>? _eventHandlers;

    /// <summary>Event name (onclick) to the server's event handler id; made for the few elements that have one.</summary>
    public IReadOnlyDictionary<string, ulong> EventHandlers =>
        (IReadOnlyDictionary<string, ulong>?)_eventHandlers ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, ulong>.Empty;

    public void SetEventHandler(string name, ulong handler) => (_eventHandlers ??= [])[name] = handler;

    public void RemoveEventHandler(string name) => _eventHandlers?.Remove(name);

    public string? Attribute(string name) => Attributes.GetValueOrDefault(name);

    public bool HasClass(string name)
    {
        var classes = Attribute("class").AsSpan();
        foreach (var part in classes.Split(' '))
            if (classes[part].SequenceEqual(name)) return true;
        return false;
    }
}
