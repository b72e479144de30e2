// The models a candidate may pick from: what the server offers, kept to the providers this app knows, each as a model
// reference, with the server's default. Pure; the setup screen shows these and the interview stores the reference.
import { modelRef } from './model-ref.ts';
import type { LlmProvider } from './provider.ts';

/** A provider and its models, as the server's health report offers them. */
export interface ModelOffer {
  provider: string;
  models: readonly string[];
  defaultModel: string;
}

/** One model the candidate can pick. */
export interface ModelOption {
  /** The model reference the interview stores (`provider:model`). */
  ref: string;
  /** The provider's name for people, e.g. "Gemini". */
  providerName: string;
  model: string;
  /** The server's default model. */
  isDefault: boolean;
}

/** What the candidate can pick, and the server's default among it (null when the app knows no offered provider). */
export interface ModelMenu {
  options: ModelOption[];
  defaultRef: string | null;
  /** Offered providers this version of the app does not know. */
  unknownProviders: string[];
}

/** Builds the menu from the offers (the server's default provider first) and the providers the app has. */
export function modelMenu(offers: readonly ModelOffer[], providers: readonly Pick<LlmProvider, 'id' | 'name'>[]): ModelMenu {
  const known = offers.flatMap((offer) => {
    const provider = providers.find((candidate) => candidate.id === offer.provider);
    return provider ? [{ offer, provider }] : [];
  });
  const first = known[0];
  const defaultRef = first ? modelRef({ provider: first.offer.provider, model: first.offer.defaultModel }) : null;
  const options = known.flatMap(({ offer, provider }) =>
    offer.models.map((model) => {
      const ref = modelRef({ provider: offer.provider, model });
      return { ref, providerName: provider.name, model, isDefault: ref === defaultRef };
    }),
  );
  const unknownProviders = offers.filter((offer) => !providers.some((provider) => provider.id === offer.provider)).map((offer) => offer.provider);
  return { options, defaultRef, unknownProviders };
}

/** The reference to use: the candidate's pick while the server still offers it, else the server's default. */
export function chosenModel(menu: ModelMenu, picked: string | undefined): string | null {
  return picked !== undefined && menu.options.some((option) => option.ref === picked) ? picked : menu.defaultRef;
}

/** What the app says when the server offers only providers it does not know. */
export const UNKNOWN_PROVIDER_MESSAGE = 'This server offers a language model this version of the app does not know. Reload the page to update the app.';
