namespace BzPeer.Explorer.Data;

/// <summary>Where a record came from; decides, among other things, its verification level.</summary>
public enum RecordOrigin
{
    /// <summary>Made up by the deterministic demo generator: fictional, never a real person.</summary>
    Synthetic,
    /// <summary>Taken from an arXiv listing (stable arXiv identifier, no OpenAlex id).</summary>
    Arxiv,
    /// <summary>Imported from an OpenAlex export or API response.</summary>
    OpenAlex,
}
