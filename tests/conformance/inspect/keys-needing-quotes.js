// Property keys that are not valid identifiers are quoted.
console.log({ 'a-b': 1, 'a b': 2, 'a.b': 3, "it's": 4, 'ümlaut': 5, _ok: 6, $: 7, '0': 8, '01': 9 });
console.log({ 'class': 1, 'null': 2, 'new-line\n': 3 });
