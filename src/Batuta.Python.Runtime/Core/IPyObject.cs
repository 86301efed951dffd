namespace Batuta.Python.Runtime;

/// <summary>A value that knows its Python <c>repr()</c> and <c>str()</c>.</summary>
public interface IPyObject
{
    string PyRepr();

    string PyStr();
}

/// <summary>A Python container with <c>len()</c>.</summary>
public interface IPySized
{
    int Count { get; }
}

/// <summary>A Python type name for error messages and <c>type(x).__name__</c>.</summary>
public interface IPyTyped
{
    string PyTypeName { get; }
}
