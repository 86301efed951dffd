using System.Collections;

namespace Batuta.Python.Ast
{
    /// <summary>
    /// An immutable list of children (CPython's <c>asdl_seq</c>). A struct over an array the parser
    /// never hands out, so a tree cannot be changed behind its back; <c>default</c> is the empty list.
    /// </summary>
    public readonly struct NodeList<T> : IReadOnlyList<T>
    {
        private readonly T[]? _items;

        public NodeList(T[] items) => _items = items;

        public NodeList(IEnumerable<T> items) => _items = items.ToArray();

        public static NodeList<T> Empty => default;

        public int Count => _items?.Length ?? 0;

        public T this[int index] => (_items ?? throw new IndexOutOfRangeException())[index];

        public bool IsEmpty => Count == 0;

        public Enumerator GetEnumerator() => new Enumerator(_items);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => (_items ?? Array.Empty<T>()).GetEnumerator();

        /// <summary>A copy of the items.</summary>
        public T[] ToArray() => _items is null ? Array.Empty<T>() : (T[])_items.Clone();

        public struct Enumerator
        {
            private readonly T[]? _items;
            private int _index;

            internal Enumerator(T[]? items)
            {
                _items = items;
                _index = -1;
            }

            public T Current => _items.OrThrow()[_index];

            public bool MoveNext() => _items is not null && ++_index < _items.Length;
        }
    }

    public static class NodeList
    {
        public static NodeList<T> Of<T>(params T[] items) => new NodeList<T>(items);
    }
}
