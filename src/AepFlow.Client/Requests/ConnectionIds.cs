namespace AepFlow;

/// <summary>
/// Implemented by every generated connectionSpec class (<c>AepFlow.ConnectionSpecs.Salesforce</c>…): what a typed connection
/// request needs to know about its spec, read from the spec itself rather than typed by hand.
/// </summary>
public interface IConnectionSpec
{
    /// <summary>The connectionSpec id, sent as <c>connectionSpec.id</c>.</summary>
    static abstract string SpecId { get; }

    /// <summary>The connectionSpec version, sent as <c>connectionSpec.version</c>.</summary>
    static abstract string SpecVersion { get; }

    /// <summary>The <c>data.format</c> a source connection of this spec sends (<c>tabular</c> for CRM and database sources), or null.</summary>
    static abstract string? SourceDataFormat { get; }
}

/// <summary>The id of a base connection made from the connectionSpec <typeparamref name="TSpec"/>.</summary>
/// <typeparam name="TSpec">The generated connectionSpec class, e.g. <c>AepFlow.ConnectionSpecs.Salesforce</c>.</typeparam>
public readonly record struct BaseConnectionId<TSpec>
    where TSpec : IConnectionSpec
{
    /// <summary>Wraps an id, e.g. one read from configuration, that you know was made from <typeparamref name="TSpec"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null or empty.</exception>
    public BaseConnectionId(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
    }

    /// <summary>The id as Flow Service returns it.</summary>
    public string Value { get; }

    /// <summary>The id as a string, for APIs that take one.</summary>
    public static implicit operator string(BaseConnectionId<TSpec> id) => id.Value;

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>
/// The id of a source connection made from the connectionSpec <typeparamref name="TSpec"/>. A flowSpec's typed
/// <c>CreateFlowRequest</c> constructor accepts it only when the flowSpec lists <typeparamref name="TSpec"/> as a source.
/// </summary>
/// <typeparam name="TSpec">The generated connectionSpec class, e.g. <c>AepFlow.ConnectionSpecs.Salesforce</c>.</typeparam>
public readonly record struct SourceConnectionId<TSpec>
    where TSpec : IConnectionSpec
{
    /// <summary>Wraps an id, e.g. one read from configuration, that you know was made from <typeparamref name="TSpec"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null or empty.</exception>
    public SourceConnectionId(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
    }

    /// <summary>The id as Flow Service returns it.</summary>
    public string Value { get; }

    /// <summary>The id as a string, for APIs that take one.</summary>
    public static implicit operator string(SourceConnectionId<TSpec> id) => id.Value;

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>
/// The id of a target connection made from the connectionSpec <typeparamref name="TSpec"/>. A flowSpec's typed
/// <c>CreateFlowRequest</c> constructor accepts it only when the flowSpec lists <typeparamref name="TSpec"/> as a target.
/// </summary>
/// <typeparam name="TSpec">The generated connectionSpec class, e.g. <c>AepFlow.ConnectionSpecs.DataLake</c>.</typeparam>
public readonly record struct TargetConnectionId<TSpec>
    where TSpec : IConnectionSpec
{
    /// <summary>Wraps an id, e.g. one read from configuration, that you know was made from <typeparamref name="TSpec"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is null or empty.</exception>
    public TargetConnectionId(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        Value = value;
    }

    /// <summary>The id as Flow Service returns it.</summary>
    public string Value { get; }

    /// <summary>The id as a string, for APIs that take one.</summary>
    public static implicit operator string(TargetConnectionId<TSpec> id) => id.Value;

    /// <inheritdoc />
    public override string ToString() => Value;
}
