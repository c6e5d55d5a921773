/** FreePBX settings files as a {@link Syntax}: amportal.conf (shell) and freepbx.conf (PHP). */
import type { Syntax } from '../syntax';
import { FreepbxDocument, parseFreepbx } from './parser';

export const freepbxSyntax: Syntax<FreepbxDocument> = {
  name: 'freepbx',
  commentLeader: '#',
  parse: (text) => parseFreepbx(text),
  view: (doc) => ({
    lineStarts: doc.lineStarts,
    comments: doc.comments,
    isBlankOrComment: (i) => doc.blankOrComment[i] === true,
  }),
};
