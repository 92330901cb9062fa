import { describe, expect, it } from '@jest/globals';
import {
  comparisonTokens,
  foldText,
  nameForm,
  scriptsDisjoint,
} from '../../../src/domain/matching/normalize.js';

describe('foldText', () => {
  it('folds case and diacritics of Latin names', () => {
    expect(foldText('Beyoncé')).toBe('beyonce');
    expect(foldText('Motörhead')).toBe('motorhead');
    expect(foldText('Sigur Rós – Hoppípolla')).toBe('sigur ros – hoppipolla');
  });

  it('folds letters that have no decomposition', () => {
    expect(foldText('MØ')).toBe('mo');
    expect(foldText('Straße')).toBe('strasse');
    expect(foldText('Şımarık')).toBe('simarik');
    expect(foldText('Łódź')).toBe('lodz');
  });

  it('applies NFKC so full-width and ligature forms meet their plain spelling', () => {
    expect(foldText('ＢＴＳ')).toBe('bts');
    expect(foldText('ﬁre')).toBe('fire');
  });

  it('keeps Japanese, Korean and Chinese text as it is', () => {
    expect(foldText('夜に駆ける')).toBe('夜に駆ける');
    expect(foldText('グッバイ')).toBe('グッバイ');
    expect(foldText('좋은 날')).toBe('좋은 날');
    expect(foldText('周杰倫')).toBe('周杰倫');
  });

  it('folds Cyrillic and Greek case and accents for comparison', () => {
    expect(foldText('Ёлка')).toBe(foldText('Елка'));
    expect(foldText('ГРУППА КРОВИ')).toBe('группа крови');
    expect(foldText('ΠΑΡΆΠΟΝΟΣ')).toBe(foldText('παράπονος'));
  });
});

describe('comparisonTokens', () => {
  const tokens = (text: string) => comparisonTokens(foldText(text));

  it('drops apostrophes and closes up dotted abbreviations', () => {
    expect(tokens("Don't Stop Believin'")).toEqual(['dont', 'stop', 'believin']);
    expect(tokens('R.E.M.')).toEqual(['rem']);
    expect(tokens('L.O.V.E.')).toEqual(['love']);
    expect(tokens('Mr. Brightside')).toEqual(['mr', 'brightside']);
  });

  it('reads & and + as "and"', () => {
    expect(tokens('Simon & Garfunkel')).toEqual(tokens('Simon and Garfunkel'));
    expect(tokens('Florence + The Machine')).toEqual(['florence', 'and', 'the', 'machine']);
  });

  it('drops a leading "The" only when a name follows', () => {
    expect(tokens('The Beatles')).toEqual(['beatles']);
    expect(tokens('The The')).toEqual(['the']);
  });

  it('writes number words, roman numerals and "Pt." one way', () => {
    expect(tokens('Seven Nation Army')).toEqual(tokens('7 Nation Army'));
    expect(tokens('Part II')).toEqual(tokens('Pt. 2'));
  });

  it('keeps a name made only of punctuation', () => {
    expect(tokens('!!!')).toEqual(['!!!']);
  });

  it('turns other punctuation into word breaks in every script', () => {
    expect(tokens('AC/DC')).toEqual(['ac', 'dc']);
    expect(tokens('뚜두뚜두 (DDU-DU DDU-DU)')).toEqual(['뚜두뚜두', 'ddu', 'du', 'ddu', 'du']);
    expect(tokens('Хочешь?')).toEqual(['хочешь']);
  });
});

describe('nameForm', () => {
  it('gives a compact spelling so differently punctuated names meet', () => {
    expect(nameForm('AC/DC').compact).toBe(nameForm('ACDC').compact);
    expect(nameForm('L-O-V-E').compact).toBe(nameForm('L.O.V.E.').compact);
  });

  it('classifies the script so Latin and other scripts are known to be incomparable', () => {
    expect(nameForm('BTS').script).toBe('latin');
    expect(nameForm('방탄소년단').script).toBe('other');
    expect(nameForm('뚜두뚜두 (DDU-DU)').script).toBe('mixed');
    expect(scriptsDisjoint(nameForm('BTS'), nameForm('방탄소년단'))).toBe(true);
    expect(scriptsDisjoint(nameForm('BTS'), nameForm('뚜두뚜두 (DDU-DU)'))).toBe(false);
  });
});
