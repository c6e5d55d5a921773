/**
 * Passwords an attacker tries first: the defaults shipped in Asterisk's sample files and by
 * PBX appliances (asterisk-rules.md §1), the most common passwords, and common words that
 * people build secrets from. Compared after lower-casing, undoing l33t substitutions and
 * stripping leading/trailing digits and symbols.
 */
export const KNOWN_DEFAULTS: readonly string[] = [
  // Asterisk sample files and README-SERIOUSLY (which says not to use its example).
  '1234', '1234567890', '6001', '6002', '7000', 'mysecret', 'myscret', 'blah', 'blahpoly', 'digium',
  'peekaboo', 'not_very_secret', 'not_very_secret_either', 'moofoo', 'foomoo', 'shazbot', 'supersecret',
  'markpasswd', 'secretpass', 'guessit', 'youwillneverguessit', 'gissadetdu', 'password', 'ae3%b8*$jk^g',
  // Appliance and distribution defaults (FreePBX, Elastix, trixbox, Issabel, …).
  'amp111', 'amp109', 'elastix456', 'eLaStIx.2oo7'.toLowerCase(), 'admin', 'asterisk', 'changeme', 'passw0rd',
  'fpbx', 'freepbx', 'trixbox', 'issabel', 'palosanto', 'sangoma', 'vicidial', 'voip', 'sip', 'secret',
];

export const COMMON_WORDS: readonly string[] = [
  // Most common passwords (stems after normalisation).
  'password', 'passwort', 'pass', 'qwerty', 'qwertz', 'azerty', 'letmein', 'welcome', 'monkey', 'dragon',
  'master', 'login', 'abc', 'abcd', 'abcdef', 'iloveyou', 'sunshine', 'princess', 'football', 'baseball',
  'soccer', 'hockey', 'shadow', 'superman', 'batman', 'trustno', 'whatever', 'freedom', 'starwars', 'hello',
  'charlie', 'donald', 'michael', 'jordan', 'jennifer', 'hunter', 'ranger', 'buster', 'thomas', 'robert',
  'daniel', 'andrew', 'joshua', 'matthew', 'jessica', 'ashley', 'pepper', 'ginger', 'cookie', 'cheese',
  'summer', 'winter', 'spring', 'autumn', 'flower', 'lovely', 'love', 'secret', 'default', 'guest', 'test',
  'testing', 'tester', 'demo', 'user', 'root', 'toor', 'administrator', 'admin', 'manager', 'operator',
  'support', 'service', 'system', 'server', 'office', 'phone', 'telephone', 'extension', 'voicemail',
  'asterisk', 'digium', 'sangoma', 'cisco', 'polycom', 'yealink', 'grandstream', 'snom', 'linksys', 'trunk',
  'provider', 'voip', 'pbx', 'sip', 'iax', 'pjsip', 'reception', 'sales', 'company', 'business', 'internet',
  'computer', 'access', 'changeme', 'mypassword', 'mypass', 'passpass', 'nopassword', 'temp', 'temporary',
  'letmein', 'open', 'opensesame', 'god', 'jesus', 'angel', 'killer', 'pussy', 'fuck', 'mustang', 'harley',
  'corvette', 'ferrari', 'porsche', 'mercedes', 'yankees', 'dallas', 'chelsea', 'arsenal', 'liverpool',
  'london', 'paris', 'berlin', 'newyork', 'america', 'canada', 'england', 'germany', 'france', 'monday',
  'friday', 'january', 'family', 'friend', 'friends', 'happy', 'money', 'golden', 'silver', 'diamond',
  'purple', 'orange', 'yellow', 'black', 'white', 'green', 'blue', 'red', 'tiger', 'lion', 'eagle', 'bear',
  'wolf', 'horse', 'dog', 'cat', 'fish', 'bird', 'snake', 'spider', 'apple', 'banana', 'chocolate',
  'computer', 'matrix', 'ninja', 'samurai', 'pirate', 'wizard', 'magic', 'hacker', 'hack', 'security',
  'secure', 'private', 'public', 'local', 'remote', 'network', 'office', 'home', 'house', 'garden', 'music',
  'guitar', 'piano', 'rock', 'metal', 'jazz', 'summer', 'beach', 'ocean', 'river', 'mountain', 'forest',
  'coffee', 'beer', 'whisky', 'pizza', 'qazwsx', 'zxcvbn', 'asdf', 'asdfgh', 'zaq', 'mnbvcx', 'poiuy',
  'alpha', 'bravo', 'delta', 'omega', 'sigma', 'gamma', 'zeus', 'apollo', 'phoenix', 'falcon', 'thunder',
  'lightning', 'storm', 'rainbow', 'star', 'moon', 'sun', 'sky', 'heaven', 'hell', 'devil', 'demon',
];
