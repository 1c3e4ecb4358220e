using Kizuki.Domain;

namespace Kizuki.Demo;

/// <summary>Opening, closing and rating of demo tickets; shared by both scenarios.</summary>
internal static class TicketTimes
{
    /// <summary>A ticket opened on <paramref name="day"/>; closed within hours or days, unless that would pass the history end.</summary>
    public static Ticket Make(
        DemoWorld world, DemoRandom rng, CustomerRecords r, int day, TicketChannel channel, string subject, string body, bool unhappy)
    {
        var openedAt = world.At(day, rng.Uniform(8, 21));
        var hours = channel is TicketChannel.Phone or TicketChannel.Chat ? rng.Uniform(0.1, 4) : rng.Uniform(1, 96);
        var closedAt = openedAt.AddSeconds(Math.Round(hours * 3600));
        var historyEnd = world.At(world.Days, 0);
        var closed = closedAt < historyEnd;
        int? satisfaction = null;
        if (closed && rng.Chance(0.4))
        {
            satisfaction = unhappy ? rng.Next(1, 4) : rng.Next(3, 6);
        }

        return new Ticket(
            r.NextTicketId(), r.Id, openedAt, closed ? closedAt : null, channel, subject, body,
            closed ? TicketStatus.Closed : (rng.Chance(0.5) ? TicketStatus.Open : TicketStatus.Pending), satisfaction);
    }
}
