// Throwing a plain object: node prints it with util.inspect.
throw { code: 'E_CUSTOM', detail: { retry: false } };
