using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PipelineStudio.Persistence.Configurations;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as UTC ticks (an INTEGER), because SQLite cannot compare or order
/// DateTimeOffset values that EF would otherwise write as text with varying offsets. Values read back are in UTC.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
