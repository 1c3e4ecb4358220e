using Kizuki.Domain;

namespace Kizuki.Ingest;

/// <summary>The words accepted for one enumerated value, in English and Japanese, compared without regard to case or width.</summary>
/// <typeparam name="T">The value type.</typeparam>
internal sealed class Vocabulary<T>
    where T : struct
{
    private readonly Dictionary<string, T> _words = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="expected">What users are told is allowed, e.g. <c>completed, cancelled, returned (完了, キャンセル, 返品)</c>.</param>
    /// <param name="words">Each accepted word and its value.</param>
    public Vocabulary(string expected, params (string Word, T Value)[] words)
    {
        Expected = expected;
        foreach (var (word, value) in words)
        {
            _words.Add(word, value);
        }
    }

    /// <summary>What users are told is allowed.</summary>
    public string Expected { get; }

    /// <summary>Looks a word up (trimmed, full-width letters narrowed).</summary>
    public bool TryParse(string text, out T value) =>
        _words.TryGetValue(text, out value) || _words.TryGetValue(TextNormalizer.Narrow(text).Trim(), out value);
}

/// <summary>The vocabularies of the enumerated fields.</summary>
internal static class Vocabularies
{
    public static readonly Vocabulary<bool> Boolean = new(
        "true/false, 1/0, yes/no, はい/いいえ, 定期",
        ("true", true), ("false", false), ("1", true), ("0", false), ("yes", true), ("no", false),
        ("y", true), ("n", false), ("はい", true), ("いいえ", false), ("定期", true), ("通常", false));

    public static readonly Vocabulary<OrderStatus> OrderStatus = new(
        "completed, cancelled, returned (完了, キャンセル, 返品)",
        ("completed", Domain.OrderStatus.Completed), ("complete", Domain.OrderStatus.Completed),
        ("cancelled", Domain.OrderStatus.Cancelled), ("canceled", Domain.OrderStatus.Cancelled),
        ("returned", Domain.OrderStatus.Returned),
        ("完了", Domain.OrderStatus.Completed), ("キャンセル", Domain.OrderStatus.Cancelled),
        ("取消", Domain.OrderStatus.Cancelled), ("取り消し", Domain.OrderStatus.Cancelled),
        ("返品", Domain.OrderStatus.Returned));

    public static readonly Vocabulary<TicketChannel> TicketChannel = new(
        "mail, phone, chat, form (メール, 電話, チャット, フォーム)",
        ("mail", Domain.TicketChannel.Mail), ("email", Domain.TicketChannel.Mail), ("e-mail", Domain.TicketChannel.Mail),
        ("phone", Domain.TicketChannel.Phone), ("tel", Domain.TicketChannel.Phone),
        ("chat", Domain.TicketChannel.Chat), ("form", Domain.TicketChannel.Form), ("web", Domain.TicketChannel.Form),
        ("メール", Domain.TicketChannel.Mail), ("電話", Domain.TicketChannel.Phone),
        ("チャット", Domain.TicketChannel.Chat), ("フォーム", Domain.TicketChannel.Form));

    public static readonly Vocabulary<TicketStatus> TicketStatus = new(
        "open, pending, closed (未対応, 対応中, 保留, 完了)",
        ("open", Domain.TicketStatus.Open), ("pending", Domain.TicketStatus.Pending), ("closed", Domain.TicketStatus.Closed),
        ("resolved", Domain.TicketStatus.Closed),
        ("未対応", Domain.TicketStatus.Open), ("対応中", Domain.TicketStatus.Open),
        ("保留", Domain.TicketStatus.Pending), ("回答待ち", Domain.TicketStatus.Pending),
        ("完了", Domain.TicketStatus.Closed), ("解決", Domain.TicketStatus.Closed),
        ("解決済み", Domain.TicketStatus.Closed), ("クローズ", Domain.TicketStatus.Closed));

    public static readonly Vocabulary<SurveyKind> SurveyKind = new(
        "nps, csat (NPS, 顧客満足度)",
        ("nps", Domain.SurveyKind.Nps), ("csat", Domain.SurveyKind.Csat), ("顧客満足度", Domain.SurveyKind.Csat),
        ("満足度", Domain.SurveyKind.Csat));
}
