using System.Collections.Concurrent;

namespace Kizuki.Features.History;

/// <summary>Interns activity types and names as small integers, shared by every history of one evaluation.</summary>
/// <remarks>
/// Thread-safe, so parallel batch readers can share one. Ids are only meaningful within one vocabulary.
/// Features intern the words they look for when they are set up (never look them up lazily), so an id they hold
/// stays right when the word first appears in an event later.
/// </remarks>
public sealed class HistoryVocabulary
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly Lock _gate = new();

    /// <summary>A vocabulary that knows the built-in activity types, so their ids are fixed before any event arrives.</summary>
    public HistoryVocabulary()
    {
        foreach (var type in Kizuki.Domain.ActivityTypes.BuiltIn)
        {
            Intern(type);
        }
    }

    /// <summary>The id of a string, adding it when new.</summary>
    public int Intern(string text)
    {
        if (_ids.TryGetValue(text, out var id))
        {
            return id;
        }

        lock (_gate)
        {
            if (_ids.TryGetValue(text, out id))
            {
                return id;
            }

            id = _names.Count;
            _names.Add(text);
            _ids[text] = id;
            return id;
        }
    }

    /// <summary>The string of an id.</summary>
    public string NameOf(int id)
    {
        lock (_gate)
        {
            return _names[id];
        }
    }
}
